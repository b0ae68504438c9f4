import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

import { LOCAL_OFFSET_MS, localDay, localHour, localWeekday } from '@/lib/time/local';

import { dialectOf, type Queryable } from '../index';
import { jsonRowsParam, selectJsonRowsOf } from './json-rows';
import { reusable } from './reusable';
import { EXCLUDED_FLAGS, rollupActivityDay, rollupActivityMonth, rollupHoursMonth } from '../schema';
import { ANSWER_TIERS, type AnswerTable } from './rollup-tiers';

/** What the rollups need from one stored response. */
export type RollupFact = {
  surveyVersionId: number;
  unitId: number;
  pointId: number;
  procedureId: number | null;
  channel: string;
  completedAt: number;
  flags: number;
};

/**
 * A response's index answers and satisfied answers, and its respondent scores (pseudo-questions
 * `~…` with a whole-percent value, lib/indices/respondent.ts) that the answer tiers count like answers.
 */
export type Activity = { answers: number; satisfied: number; scores?: readonly { question: string; value: number }[] };

/** The pseudo-question whose single row per response counts responses in the answer tiers. */
export const RESPONSES_QUESTION = '';

type ActivityTable = typeof rollupActivityDay | typeof rollupActivityMonth | typeof rollupHoursMonth;

/** Every placeholder value one response's statements take, named after the table columns. */
type Params = {
  surveyVersionId: number;
  unitId: number;
  pointId: number;
  channel: string;
  procedureId: number;
  repeat: number;
  day: string;
  month: string;
  hour: number;
  weekday: number;
  answers: number;
  satisfied: number;
  json: string;
};

const columnsOf = (table: AnswerTable | ActivityTable) =>
  Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];

const nameOf = (table: AnswerTable | ActivityTable, key: string) =>
  (getTableColumns(table) as Record<string, SQLiteColumn>)[key]!.name;

/** `<table>.<column>`: PostgreSQL finds a bare column in DO UPDATE SET ambiguous (the row or excluded). */
const qualified = (table: AnswerTable | ActivityTable, key: string) =>
  sql`${table}.${sql.identifier(nameOf(table, key))}`;

// One statement per tier whatever the number of answers: the database walks the answers JSON
// itself (SQLite's json_each, PostgreSQL's jsonb_each_text), which on SQLite measured 1.6x faster
// than one upsert per answer from JavaScript and 2x faster than a multi-row VALUES upsert. The rows
// of one response share their key prefix, so each statement touches one or two pages. On
// PostgreSQL, jsonb keeps its keys in one fixed order, so concurrent inserts lock a tier's rows in
// the same order and cannot deadlock on them.
function answerUpsert(q: Queryable, table: AnswerTable) {
  const pg = dialectOf(q) === 'postgres';
  const json = sql.placeholder('json');
  const columns = columnsOf(table);
  const select = columns.map(([key, column]): SQL => {
    if (key === 'question') return sql`j.key`;
    if (key === 'value') return pg ? sql`j.value::integer` : sql`j.value`;
    if (key === 'count') return sql`1`;
    // A bare parameter in a SELECT list is text to PostgreSQL: cast it to the column's type.
    return pg ? sql`${sql.placeholder(key)}::${sql.raw(column.getSQLType())}` : sql`${sql.placeholder(key)}`;
  });
  const source = pg ? sql`jsonb_each_text(${json}::jsonb)` : sql`json_each(${json})`;
  return (q.insert(table) as ReturnType<Queryable['insert']>)
    .select(sql`SELECT ${sql.join(select, sql`, `)} FROM ${source} AS j WHERE true`)
    .onConflictDoUpdate({
      target: columns.filter(([key]) => key !== 'count').map(([, column]) => column),
      set: { count: sql`${qualified(table, 'count')} + 1` },
    });
}

function activityUpsert(q: Queryable, table: ActivityTable) {
  const columns = columnsOf(table);
  const values = Object.fromEntries(columns.map(([key]) => [key, key === 'responses' ? 1 : sql.placeholder(key)]));
  return (q.insert(table) as ReturnType<Queryable['insert']>).values(values as never).onConflictDoUpdate({
    target: columns.filter(([key]) => !['responses', 'answers', 'satisfied'].includes(key)).map(([, column]) => column),
    set: {
      responses: sql`${qualified(table, 'responses')} + 1`,
      answers: sql`${qualified(table, 'answers')} + excluded.answers`,
      satisfied: sql`${qualified(table, 'satisfied')} + excluded.satisfied`,
    } as never,
  });
}

// Built once, not on every response (see reusable).
const statements = [
  ...ANSWER_TIERS.map(({ table }) => reusable((q) => answerUpsert(q, table))),
  reusable((q) => activityUpsert(q, rollupActivityDay)),
  reusable((q) => activityUpsert(q, rollupActivityMonth)),
  reusable((q) => activityUpsert(q, rollupHoursMonth)),
];

/** The placeholder values of one response, shared by every tier's statement. */
function paramsOf(fact: RollupFact, activity: Activity): Omit<Params, 'json'> {
  const { day, hour, weekday } = localTimeOf(fact.completedAt);
  return {
    surveyVersionId: fact.surveyVersionId,
    unitId: fact.unitId,
    pointId: fact.pointId,
    channel: fact.channel,
    procedureId: fact.procedureId ?? 0,
    repeat: fact.flags & EXCLUDED_FLAGS ? 1 : 0,
    day,
    month: day.slice(0, 7),
    hour,
    weekday,
    answers: activity.answers,
    satisfied: activity.satisfied,
  };
}

// The responses of a group commit mostly share their local hour: its day and weekday are worked out once.
let lastHour: { number: number; day: string; hour: number; weekday: number } | undefined;

function localTimeOf(ms: number): { day: string; hour: number; weekday: number } {
  const number = Math.floor((ms + LOCAL_OFFSET_MS) / 3_600_000);
  if (lastHour?.number !== number)
    lastHour = { number, day: localDay(ms), hour: localHour(ms), weekday: localWeekday(ms) };
  return lastHour;
}

/**
 * Adds one response to every rollup tier. Call it inside the transaction that inserts the
 * response, with that transaction, so rollups and responses commit together.
 */
export async function writeRollups(
  q: Queryable,
  fact: RollupFact,
  scored: readonly { question: string; value: number }[],
  activity: Activity,
): Promise<void> {
  // Question names are unique within a response, so an object is a faithful carrier; the
  // pseudo-question '' counts the response itself.
  // A null prototype, so that a question named __proto__ is a key like any other.
  const values = Object.create(null) as Record<string, number>;
  values[RESPONSES_QUESTION] = 0;
  for (const a of scored) values[a.question] = a.value;
  for (const a of activity.scores ?? []) values[a.question] = a.value;
  const params: Params = { ...paramsOf(fact, activity), json: JSON.stringify(values) };
  // One after the other, in a fixed order: the same lock order for every transaction.
  for (const statement of statements) await statement(q, params);
}

export type RollupItem = {
  fact: RollupFact;
  scored: readonly { question: string; value: number }[];
  activity: Activity;
};

/**
 * Adds many responses to every rollup tier, for bulk loads (the demo data), with the same counts
 * as `writeRollups` for each. On PostgreSQL the counts are summed in memory first and each tier
 * takes one upsert of all its rows: a dozen round trips per response made it 3x slower.
 */
export async function writeRollupsBatch(q: Queryable, items: readonly RollupItem[]): Promise<void> {
  if (items.length === 0) return;
  if (dialectOf(q) === 'sqlite') {
    // No round trips to save: the per-response json_each upserts measured 2x faster here than
    // summing in memory and unpacking many-column rows from JSON.
    for (const item of items) await writeRollups(q, item.fact, item.scored, item.activity);
    return;
  }
  await writeRollupsMerged(q, items);
}

/**
 * Adds many responses to every rollup tier with one upsert per tier: the counts are summed in
 * memory, so a rollup row that many of them share (concurrent answers at one desk on one day, the
 * group commits of server/ingest-batcher.ts) is written once. The rows go in key order, so
 * concurrent writers (another instance's batch) lock them in the same order and cannot deadlock.
 */
export async function writeRollupsMerged(q: Queryable, items: readonly RollupItem[]): Promise<void> {
  if (items.length === 0) return;
  const params = items.map((item) => paramsOf(item.fact, item.activity) as Record<string, unknown>);
  const answerTiers = ANSWER_TIERS.map(({ table }) => table);
  // A response's answers are the same rows in every answer tier: they are counted once, per group
  // of the batch's responses that every answer tier keys alike (usually one desk on one day), and
  // each tier adds up its groups. Counting them per tier and response was the largest frame of
  // our own in the ingest profile (docs/profiles/).
  const groupKeys = [...new Set(answerTiers.flatMap((table) => scopeKeysOf(table, ANSWER_SUMS)))];
  const groups = new Map<string, { p: Record<string, unknown>; counts: Counts }>();
  items.forEach((item, i) => {
    const p = params[i]!;
    const id = groupKeys.map((key) => p[key]).join('\u0000');
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { p, counts: new Map() }));
    addCount(group.counts, RESPONSES_QUESTION, 0, 1);
    for (const a of item.scored) addCount(group.counts, a.question, a.value, 1);
    for (const a of item.activity.scores ?? []) addCount(group.counts, a.question, a.value, 1);
  });
  for (const table of answerTiers) {
    const keys = scopeKeysOf(table, ANSWER_SUMS);
    const scopes = new Map<string, { p: Record<string, unknown>; counts: Counts; shared: boolean }>();
    for (const group of groups.values()) {
      const id = keys.map((key) => group.p[key]).join('\u0000');
      const scope = scopes.get(id);
      // A scope of one group uses that group's counts; adding a second one to them copies them first,
      // so the group's own stay as they are for the next tier.
      if (!scope) scopes.set(id, { p: group.p, counts: group.counts, shared: true });
      else {
        if (scope.shared) {
          scope.counts = new Map([...scope.counts].map(([question, values]) => [question, new Map(values)]));
          scope.shared = false;
        }
        for (const [question, values] of group.counts)
          for (const [v, n] of values) addCount(scope.counts, question, v, n);
      }
    }
    const rows: Record<string, unknown>[] = [];
    for (const { p, counts } of inKeyOrder(scopes)) {
      const scope = Object.fromEntries(keys.map((key) => [key, p[key]]));
      for (const question of [...counts.keys()].sort()) {
        const values = counts.get(question)!;
        for (const value of [...values.keys()].sort((a, b) => a - b))
          rows.push({ ...scope, question, value, count: values.get(value)! });
      }
    }
    await addRows(q, table, rows, ['count']);
  }
  for (const table of [rollupActivityDay, rollupActivityMonth, rollupHoursMonth]) {
    const keys = scopeKeysOf(table, ACTIVITY_SUMS);
    const rows = new Map<string, Record<string, unknown> & Record<(typeof ACTIVITY_SUMS)[number], number>>();
    for (const p of params) {
      const id = keys.map((key) => p[key]).join('\u0000');
      let row = rows.get(id);
      if (!row)
        rows.set(
          id,
          (row = { ...Object.fromEntries(keys.map((key) => [key, p[key]])), responses: 0, answers: 0, satisfied: 0 }),
        );
      row.responses += 1;
      row.answers += p.answers as number;
      row.satisfied += p.satisfied as number;
    }
    await addRows(q, table, inKeyOrder(rows), ACTIVITY_SUMS);
  }
}

/** Answer counts: question → value → count. */
type Counts = Map<string, Map<number, number>>;

function addCount(counts: Counts, question: string, value: number, n: number): void {
  let values = counts.get(question);
  if (!values) counts.set(question, (values = new Map()));
  values.set(value, (values.get(value) ?? 0) + n);
}

// The columns that are not a rollup row's key: what an answer tier and an activity tier count.
const ANSWER_SUMS = ['question', 'value', 'count'] as const;
const ACTIVITY_SUMS = ['responses', 'answers', 'satisfied'] as const;

const scopeKeys = new Map<AnswerTable | ActivityTable, string[]>();

/** The fields that key a tier's rows, apart from what it counts (`sums`). */
function scopeKeysOf(table: AnswerTable | ActivityTable, sums: readonly string[]): string[] {
  let keys = scopeKeys.get(table);
  if (!keys)
    scopeKeys.set(
      table,
      (keys = columnsOf(table)
        .map(([key]) => key)
        .filter((key) => !sums.includes(key))),
    );
  return keys;
}

function inKeyOrder<T>(rows: Map<string, T>): T[] {
  return [...rows.keys()].sort().map((key) => rows.get(key)!);
}

/** Inserts rows of distinct keys in one statement, adding their `sums` to the counts of keys already stored. */
async function addRows(
  q: Queryable,
  table: AnswerTable | ActivityTable,
  rows: Record<string, unknown>[],
  sums: readonly string[],
): Promise<void> {
  let statement = addRowStatements.get(table);
  if (!statement) addRowStatements.set(table, (statement = reusable((q) => addRowsUpsert(q, table, sums))));
  await statement(q, { json: jsonRowsParam(q, table, rows) });
}

// Built once per table: the rows travel as one JSON parameter, whatever their number.
const addRowStatements = new Map<AnswerTable | ActivityTable, ReturnType<typeof reusable>>();

function addRowsUpsert(q: Queryable, table: AnswerTable | ActivityTable, sums: readonly string[]) {
  const columns = columnsOf(table);
  return (q.insert(table) as ReturnType<Queryable['insert']>)
    .select(selectJsonRowsOf(q, table, sql.placeholder('json')))
    .onConflictDoUpdate({
      target: columns.filter(([key]) => !sums.includes(key)).map(([, column]) => column),
      set: Object.fromEntries(
        sums.map((key) => [key, sql`${qualified(table, key)} + excluded.${sql.identifier(nameOf(table, key))}`]),
      ) as never,
    });
}

export type RollupWriter = (
  fact: RollupFact,
  scored: readonly { question: string; value: number }[],
  activity: Activity,
) => Promise<void>;

/** `writeRollups` bound to one connection or transaction. */
export function createRollupWriter(q: Queryable): RollupWriter {
  return (fact, scored, activity) => writeRollups(q, fact, scored, activity);
}

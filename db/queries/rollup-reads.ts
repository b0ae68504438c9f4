import { asc, sql, type SQL } from 'drizzle-orm';

import { planTiers } from '@/lib/time/tiers';

import { dialectOf, rawAll, type Queryable } from '../index';
import { servicePoints, units } from '../schema';
import { RESPONSES_QUESTION } from './rollup-writes';

/** One dashboard scope: a survey's versions over local days, narrowed by unit, desk, procedure, channel. */
export type RollupFilter = {
  versionIds: readonly number[];
  from: string;
  to: string;
  /** A unit's subtree (or a manager's scope); null for every unit. */
  unitIds: readonly number[] | null;
  /** A desk; its current unit goes in `unitIds` too, which keeps the read a key range. */
  pointId?: number | null;
  procedureId?: number | null;
  channel?: string | null;
  /** Repeat-flagged responses are left out unless asked for (docs/domain.md, statistics). */
  includeRepeats?: boolean;
  /** Every unit and desk id, read once per view (`readRollupKeys`); read by each query when absent. */
  keys?: RollupKeys;
};

export type RollupKeys = { unitIds: readonly number[]; pointIds: readonly number[] };
type Keys = RollupKeys;

/**
 * Every unit and desk id. A read that does not filter by unit (or desk) still names them all:
 * the rollup keys start with unit and desk, and an IN list lets the database seek each
 * (unit, desk) and range over the days inside it, where an unconstrained column would make it
 * scan every row of the survey version.
 */
export async function readRollupKeys(db: Queryable): Promise<RollupKeys> {
  const [unitRows, pointRows] = await Promise.all([
    db.select({ id: units.id }).from(units).orderBy(asc(units.id)),
    db.select({ id: servicePoints.id }).from(servicePoints).orderBy(asc(servicePoints.id)),
  ]);
  return { unitIds: unitRows.map((r) => r.id), pointIds: pointRows.map((r) => r.id) };
}

async function allKeys(db: Queryable, f: RollupFilter): Promise<Keys> {
  return f.keys ?? readRollupKeys(db);
}

/** `column IN (…)`; an empty list matches nothing (PostgreSQL refuses `IN ()`). */
function inList(column: string, values: readonly unknown[]): SQL {
  if (values.length === 0) return sql`1 = 0`;
  return sql`${sql.identifier(column)} IN (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

function isNarrow(f: RollupFilter): boolean {
  return (f.pointId ?? null) !== null || (f.procedureId ?? null) !== null || (f.channel ?? null) !== null;
}

/**
 * The WHERE clause of one tier. `scoped` tables carry desk, channel and procedure; the by-unit
 * month tiers do not and are only read when no such filter is set.
 */
function where(
  f: RollupFilter,
  keys: Keys,
  time: { column: 'day' | 'month'; from: string; to: string },
  scoped: boolean,
): SQL {
  const parts = [inList('survey_version_id', f.versionIds), inList('unit_id', f.unitIds ?? keys.unitIds)];
  if (scoped) parts.push(inList('point_id', (f.pointId ?? null) !== null ? [f.pointId] : keys.pointIds));
  parts.push(sql`${sql.identifier(time.column)} BETWEEN ${time.from} AND ${time.to}`);
  if (scoped && (f.channel ?? null) !== null) parts.push(sql`channel = ${f.channel}`);
  if (scoped && (f.procedureId ?? null) !== null) parts.push(sql`procedure_id = ${f.procedureId}`);
  if (!f.includeRepeats) parts.push(sql`repeat = 0`);
  return sql.join(parts, sql` AND `);
}

function empty(f: RollupFilter): boolean {
  return f.versionIds.length === 0 || (f.unitIds !== null && f.unitIds.length === 0) || f.from > f.to;
}

const unionAll = (parts: SQL[]) => sql.join(parts, sql` UNION ALL `);

export type AnswerCountRow = { question: string; value: number; count: number };

/**
 * Answers per question and value in the scope, and the number of responses. Whole months come
 * from a month tier, edge days from a day tier, each by unit when no desk, channel or procedure
 * filter is set: the cost follows months and days × scopes, not responses.
 */
export async function readAnswerCounts(
  db: Queryable,
  f: RollupFilter,
): Promise<{ responses: number; rows: AnswerCountRow[] }> {
  if (empty(f)) return { responses: 0, rows: [] };
  const keys = await allKeys(db, f);
  const plan = planTiers(f.from, f.to);
  const narrow = isNarrow(f);
  const parts: SQL[] = [];
  if (plan.months) {
    const w = where(f, keys, { column: 'month', ...plan.months }, narrow);
    const table = narrow ? 'rollup_answers_month' : 'rollup_answers_unit_month';
    parts.push(sql`SELECT question, value, count FROM ${sql.identifier(table)} WHERE ${w}`);
  }
  for (const days of plan.days) {
    const w = where(f, keys, { column: 'day', ...days }, narrow);
    const table = narrow ? 'rollup_answers_day' : 'rollup_answers_unit_day';
    parts.push(sql`SELECT question, value, count FROM ${sql.identifier(table)} WHERE ${w}`);
  }
  const all = await rawAll<AnswerCountRow>(
    db,
    sql`SELECT question, value, sum(count) AS count FROM (${unionAll(parts)}) AS t GROUP BY question, value`,
  );
  let responses = 0;
  const rows: AnswerCountRow[] = [];
  for (const row of all) {
    if (row.question === RESPONSES_QUESTION) responses += row.count;
    else rows.push(row);
  }
  return { responses, rows };
}

export type GroupedAnswerCountRow = AnswerCountRow & { key: string };

/** What answer counts can be grouped by; the columns reach SQL only from this allowlist. */
export const ANSWER_GROUPS = ['unit', 'point', 'channel', 'procedure', 'month', 'day'] as const;
export type AnswerGroup = (typeof ANSWER_GROUPS)[number];

/**
 * Answers per group, question and value (the response pseudo-rows and respondent scores
 * included), so that every group's index is computed by the survey's one method. The tiers are
 * those `readAnswerCounts` reads: by unit when no desk, channel or procedure is filtered or
 * grouped by, whole months from a month tier and edge days from a day tier (by day: days only).
 */
export async function readAnswerCountsBy(
  db: Queryable,
  f: RollupFilter,
  group: AnswerGroup,
): Promise<GroupedAnswerCountRow[]> {
  if (empty(f)) return [];
  const keys = await allKeys(db, f);
  const scoped = isNarrow(f) || group === 'point' || group === 'channel' || group === 'procedure';
  const plan = group === 'day' ? { months: null, days: [{ from: f.from, to: f.to }] } : planTiers(f.from, f.to);
  const column = (time: 'day' | 'month'): string => {
    if (group === 'day') return 'day';
    if (group === 'month') return time === 'month' ? 'month' : 'substr(day, 1, 7)';
    return ACTIVITY_GROUPS[group];
  };
  const parts: SQL[] = [];
  if (plan.months) {
    const w = where(f, keys, { column: 'month', ...plan.months }, scoped);
    const table = scoped ? 'rollup_answers_month' : 'rollup_answers_unit_month';
    parts.push(
      sql`SELECT ${sql.raw(column('month'))} AS key, question, value, count FROM ${sql.identifier(table)} WHERE ${w}`,
    );
  }
  for (const days of plan.days) {
    const w = where(f, keys, { column: 'day', ...days }, scoped);
    const table = scoped ? 'rollup_answers_day' : 'rollup_answers_unit_day';
    parts.push(
      sql`SELECT ${sql.raw(column('day'))} AS key, question, value, count FROM ${sql.identifier(table)} WHERE ${w}`,
    );
  }
  return rawAll<GroupedAnswerCountRow>(
    db,
    sql`SELECT CAST(key AS TEXT) AS key, question, value, sum(count) AS count FROM (${unionAll(parts)}) AS t GROUP BY 1, 2, 3 ORDER BY 1`,
  );
}

export type ActivityRow = { key: string; responses: number; answers: number; satisfied: number };

/** What activity can be grouped by; the column names reach SQL only from this allowlist. */
export const ACTIVITY_GROUPS = {
  unit: 'unit_id',
  point: 'point_id',
  channel: 'channel',
  procedure: 'procedure_id',
  month: null,
  day: null,
} as const;
export type ActivityGroup = keyof typeof ACTIVITY_GROUPS;

const SUMS = sql.raw('sum(responses) AS responses, sum(answers) AS answers, sum(satisfied) AS satisfied');

/**
 * Responses, index answers and satisfied answers per group. By day reads the day tier only;
 * every other grouping reads whole months from the month tier and edge days from the day tier.
 */
export async function readActivity(db: Queryable, f: RollupFilter, group: ActivityGroup): Promise<ActivityRow[]> {
  if (empty(f)) return [];
  const keys = await allKeys(db, f);
  const parts: SQL[] = [];
  const dayKey = group === 'day' ? 'day' : group === 'month' ? 'substr(day, 1, 7)' : ACTIVITY_GROUPS[group];
  const monthKey = group === 'month' ? 'month' : ACTIVITY_GROUPS[group];
  const plan = group === 'day' ? { months: null, days: [{ from: f.from, to: f.to }] } : planTiers(f.from, f.to);
  if (plan.months && monthKey !== null) {
    const w = where(f, keys, { column: 'month', ...plan.months }, true);
    parts.push(sql`SELECT ${sql.raw(monthKey)} AS key, ${SUMS} FROM rollup_activity_month WHERE ${w} GROUP BY 1`);
  }
  for (const days of plan.days) {
    const w = where(f, keys, { column: 'day', ...days }, true);
    parts.push(sql`SELECT ${sql.raw(dayKey)} AS key, ${SUMS} FROM rollup_activity_day WHERE ${w} GROUP BY 1`);
  }
  return rawAll<ActivityRow>(
    db,
    sql`SELECT CAST(key AS TEXT) AS key, ${SUMS} FROM (${unionAll(parts)}) AS t GROUP BY 1 ORDER BY 1`,
  );
}

export type HourCell = { weekday: number; hour: number; responses: number; answers: number; satisfied: number };

// ISO weekday (Monday = 1 … Sunday = 7) of a 'YYYY-MM-DD' column; SQLite's strftime %w counts
// from Sunday = 0.
const WEEKDAY_OF_DAY = {
  sqlite: sql.raw("((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) + 1"),
  postgres: sql.raw('CAST(extract(isodow FROM CAST(day AS date)) AS integer)'),
};

/** Responses and satisfaction per local weekday × hour. */
export async function readHourCells(db: Queryable, f: RollupFilter): Promise<HourCell[]> {
  if (empty(f)) return [];
  const keys = await allKeys(db, f);
  const narrow = isNarrow(f);
  const plan = narrow ? { months: null, days: [{ from: f.from, to: f.to }] } : planTiers(f.from, f.to);
  const parts: SQL[] = [];
  if (plan.months) {
    const w = where(f, keys, { column: 'month', ...plan.months }, false);
    parts.push(sql`SELECT weekday, hour, ${SUMS} FROM rollup_hours_month WHERE ${w} GROUP BY 1, 2`);
  }
  for (const days of plan.days) {
    const w = where(f, keys, { column: 'day', ...days }, true);
    parts.push(
      sql`SELECT ${WEEKDAY_OF_DAY[dialectOf(db)]} AS weekday, hour, ${SUMS} FROM rollup_activity_day WHERE ${w} GROUP BY 1, 2`,
    );
  }
  return rawAll<HourCell>(
    db,
    sql`SELECT weekday, hour, ${SUMS} FROM (${unionAll(parts)}) AS t GROUP BY 1, 2 ORDER BY 1, 2`,
  );
}

import { asc, sql, type SQL } from 'drizzle-orm';

import { planTiers } from '@/lib/time/tiers';

import { dialectOf, rawAll, type Queryable } from '../index';
import { CHANNELS } from '@/lib/ingest/channels';

import { procedures, servicePoints, units } from '../schema';
import { answerTierFor, type ScopeColumn } from './rollup-tiers';
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

export type RollupKeys = {
  unitIds: readonly number[];
  pointIds: readonly number[];
  /** Every procedure id and 0, which the rollups store for a response that named none. */
  procedureIds: readonly number[];
};
type Keys = RollupKeys;

/**
 * Every unit, desk and procedure id. A read that does not filter by one of them still names them
 * all: the rollup keys start with unit and then desk, channel or procedure, and an IN list lets
 * the database seek each and range over the days inside it, where an unconstrained column would
 * make it scan every row of the survey version.
 */
export async function readRollupKeys(db: Queryable): Promise<RollupKeys> {
  const [unitRows, pointRows, procedureRows] = await Promise.all([
    db.select({ id: units.id }).from(units).orderBy(asc(units.id)),
    db.select({ id: servicePoints.id }).from(servicePoints).orderBy(asc(servicePoints.id)),
    db.select({ id: procedures.id }).from(procedures).orderBy(asc(procedures.id)),
  ]);
  return {
    unitIds: unitRows.map((r) => r.id),
    pointIds: pointRows.map((r) => r.id),
    procedureIds: [0, ...procedureRows.map((r) => r.id)],
  };
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

const ALL_SCOPE: readonly ScopeColumn[] = ['point_id', 'channel', 'procedure_id'];

/** The scope columns a view filters by: a tier it reads must keep them. */
function filtered(f: RollupFilter): ScopeColumn[] {
  const columns: ScopeColumn[] = [];
  if ((f.pointId ?? null) !== null) columns.push('point_id');
  if ((f.channel ?? null) !== null) columns.push('channel');
  if ((f.procedureId ?? null) !== null) columns.push('procedure_id');
  return columns;
}

/** A table as `where` sees it: the scope columns it keeps and its key between unit and repeat. */
type Shape = { scope: readonly ScopeColumn[]; key: readonly string[] };

const ACTIVITY_DAY: Shape = { scope: ALL_SCOPE, key: ['point_id', 'day', 'hour', 'channel', 'procedure_id'] };
const ACTIVITY_MONTH: Shape = { scope: ALL_SCOPE, key: ['point_id', 'month', 'channel', 'procedure_id'] };
const HOURS_MONTH: Shape = { scope: [], key: ['month', 'weekday', 'hour'] };

/**
 * The WHERE clause of one table. A scope column the view filters by is matched; one it does not,
 * that comes before the time column in the key, is given every value (see readRollupKeys).
 */
function where(
  f: RollupFilter,
  keys: Keys,
  shape: Shape,
  time: { column: 'day' | 'month'; from: string; to: string },
): SQL {
  const parts = [inList('survey_version_id', f.versionIds), inList('unit_id', f.unitIds ?? keys.unitIds)];
  const leading = shape.key.slice(0, shape.key.indexOf(time.column));
  const all: Record<ScopeColumn, readonly unknown[]> = {
    point_id: keys.pointIds,
    channel: CHANNELS,
    procedure_id: keys.procedureIds,
  };
  const value: Record<ScopeColumn, unknown> = {
    point_id: f.pointId ?? null,
    channel: f.channel ?? null,
    procedure_id: f.procedureId ?? null,
  };
  for (const column of shape.scope) {
    if (value[column] !== null) parts.push(inList(column, [value[column]]));
    else if (leading.includes(column)) parts.push(inList(column, all[column]));
  }
  parts.push(sql`${sql.identifier(time.column)} BETWEEN ${time.from} AND ${time.to}`);
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
 * from a month tier, edge days from a day tier, each the smallest that keeps the view's filters
 * (rollup-tiers.ts): the cost follows months and days × scopes, not responses.
 */
export async function readAnswerCounts(
  db: Queryable,
  f: RollupFilter,
): Promise<{ responses: number; rows: AnswerCountRow[] }> {
  if (empty(f)) return { responses: 0, rows: [] };
  const keys = await allKeys(db, f);
  const plan = planTiers(f.from, f.to);
  const needs = filtered(f);
  const parts: SQL[] = [];
  if (plan.months) {
    const tier = answerTierFor('month', needs);
    const w = where(f, keys, tier, { column: 'month', ...plan.months });
    parts.push(sql`SELECT question, value, count FROM ${sql.identifier(tier.name)} WHERE ${w}`);
  }
  for (const days of plan.days) {
    const tier = answerTierFor('day', needs);
    const w = where(f, keys, tier, { column: 'day', ...days });
    parts.push(sql`SELECT question, value, count FROM ${sql.identifier(tier.name)} WHERE ${w}`);
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
 * included), so that every group's index is computed by the survey's one method. Each part is
 * read from the smallest tier that keeps the view's filters and the grouped column (a ranking of
 * desks reads the desk tiers), whole months from a month tier and edge days from a day tier (by
 * day: days only).
 */
export async function readAnswerCountsBy(
  db: Queryable,
  f: RollupFilter,
  group: AnswerGroup,
): Promise<GroupedAnswerCountRow[]> {
  if (empty(f)) return [];
  const keys = await allKeys(db, f);
  const grouped = ACTIVITY_GROUPS[group];
  const needs = filtered(f);
  if (grouped !== null && grouped !== 'unit_id' && !needs.includes(grouped)) needs.push(grouped);
  const plan = group === 'day' ? { months: null, days: [{ from: f.from, to: f.to }] } : planTiers(f.from, f.to);
  const column = (time: 'day' | 'month'): string => {
    if (group === 'day') return 'day';
    if (group === 'month') return time === 'month' ? 'month' : 'substr(day, 1, 7)';
    return grouped!;
  };
  const parts: SQL[] = [];
  if (plan.months) {
    const tier = answerTierFor('month', needs);
    const w = where(f, keys, tier, { column: 'month', ...plan.months });
    parts.push(
      sql`SELECT ${sql.raw(column('month'))} AS key, question, value, count FROM ${sql.identifier(tier.name)} WHERE ${w}`,
    );
  }
  for (const days of plan.days) {
    const tier = answerTierFor('day', needs);
    const w = where(f, keys, tier, { column: 'day', ...days });
    parts.push(
      sql`SELECT ${sql.raw(column('day'))} AS key, question, value, count FROM ${sql.identifier(tier.name)} WHERE ${w}`,
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
    const w = where(f, keys, ACTIVITY_MONTH, { column: 'month', ...plan.months });
    parts.push(sql`SELECT ${sql.raw(monthKey)} AS key, ${SUMS} FROM rollup_activity_month WHERE ${w} GROUP BY 1`);
  }
  for (const days of plan.days) {
    const w = where(f, keys, ACTIVITY_DAY, { column: 'day', ...days });
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
  const narrow = filtered(f).length > 0;
  const plan = narrow ? { months: null, days: [{ from: f.from, to: f.to }] } : planTiers(f.from, f.to);
  const parts: SQL[] = [];
  if (plan.months) {
    const w = where(f, keys, HOURS_MONTH, { column: 'month', ...plan.months });
    parts.push(sql`SELECT weekday, hour, ${SUMS} FROM rollup_hours_month WHERE ${w} GROUP BY 1, 2`);
  }
  for (const days of plan.days) {
    const w = where(f, keys, ACTIVITY_DAY, { column: 'day', ...days });
    parts.push(
      sql`SELECT ${WEEKDAY_OF_DAY[dialectOf(db)]} AS weekday, hour, ${SUMS} FROM rollup_activity_day WHERE ${w} GROUP BY 1, 2`,
    );
  }
  return rawAll<HourCell>(
    db,
    sql`SELECT weekday, hour, ${SUMS} FROM (${unionAll(parts)}) AS t GROUP BY 1, 2 ORDER BY 1, 2`,
  );
}

import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';

import { planTiers } from '@/lib/time/tiers';

import type { Db } from '../index';
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
  /** Repeat-flagged responses are left out unless asked for (DESIGN §2.3). */
  includeRepeats?: boolean;
};

type Where = { sql: string; params: unknown[] };

type Keys = { unitIds: readonly number[]; pointIds: readonly number[] };

/**
 * Every unit and desk id. A read that does not filter by unit (or desk) still names them all:
 * the rollup keys start with unit and desk, and an IN list lets SQLite seek each (unit, desk)
 * and range over the days inside it, where an unconstrained column would make it scan every row
 * of the survey version.
 */
function allKeys(db: Db): Keys {
  const units = prepared(db, 'SELECT id FROM units ORDER BY id').pluck().all() as number[];
  const points = prepared(db, 'SELECT id FROM service_points ORDER BY id').pluck().all() as number[];
  return { unitIds: units, pointIds: points };
}

const statementCache = new WeakMap<Database.Database, Map<string, Statement>>();

/** Statements are cached by their text: filters change the parameters, rarely the shape. */
function prepared(db: Db, sql: string): Statement {
  let cache = statementCache.get(db.$client);
  if (!cache) statementCache.set(db.$client, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.$client.prepare(sql)));
  return stmt;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

function isNarrow(f: RollupFilter): boolean {
  return (f.pointId ?? null) !== null || (f.procedureId ?? null) !== null || (f.channel ?? null) !== null;
}

/**
 * The WHERE clause of one tier. `scoped` tables carry desk, channel and procedure; the by-unit
 * month tiers do not and are only read when no such filter is set.
 */
function where(f: RollupFilter, keys: Keys, time: { column: 'day' | 'month'; from: string; to: string }, scoped: boolean): Where {
  const parts = [`survey_version_id IN (${placeholders(f.versionIds.length)})`];
  const params: unknown[] = [...f.versionIds];
  const unitIds = f.unitIds ?? keys.unitIds;
  parts.push(`unit_id IN (${placeholders(unitIds.length)})`);
  params.push(...unitIds);
  if (scoped) {
    const pointIds = (f.pointId ?? null) !== null ? [f.pointId] : keys.pointIds;
    parts.push(`point_id IN (${placeholders(pointIds.length)})`);
    params.push(...pointIds);
  }
  parts.push(`${time.column} BETWEEN ? AND ?`);
  params.push(time.from, time.to);
  if (scoped && (f.channel ?? null) !== null) {
    parts.push('channel = ?');
    params.push(f.channel);
  }
  if (scoped && (f.procedureId ?? null) !== null) {
    parts.push('procedure_id = ?');
    params.push(f.procedureId);
  }
  if (!f.includeRepeats) parts.push('repeat = 0');
  return { sql: parts.join(' AND '), params };
}

function empty(f: RollupFilter): boolean {
  return f.versionIds.length === 0 || (f.unitIds !== null && f.unitIds.length === 0) || f.from > f.to;
}

export type AnswerCountRow = { question: string; value: number; count: number };

/**
 * Answers per question and value in the scope, and the number of responses. Whole months come
 * from a month tier, edge days from a day tier, each by unit when no desk, channel or procedure
 * filter is set: the cost follows months and days × scopes, not responses.
 */
export function readAnswerCounts(db: Db, f: RollupFilter): { responses: number; rows: AnswerCountRow[] } {
  if (empty(f)) return { responses: 0, rows: [] };
  const keys = allKeys(db);
  const plan = planTiers(f.from, f.to);
  const parts: Where[] = [];
  if (plan.months) {
    const narrow = isNarrow(f);
    const w = where(f, keys, { column: 'month', ...plan.months }, narrow);
    const table = narrow ? 'rollup_answers_month' : 'rollup_answers_unit_month';
    parts.push({ sql: `SELECT question, value, count FROM ${table} WHERE ${w.sql}`, params: w.params });
  }
  for (const days of plan.days) {
    const narrow = isNarrow(f);
    const w = where(f, keys, { column: 'day', ...days }, narrow);
    const table = narrow ? 'rollup_answers_day' : 'rollup_answers_unit_day';
    parts.push({ sql: `SELECT question, value, count FROM ${table} WHERE ${w.sql}`, params: w.params });
  }
  const sql = `SELECT question, value, sum(count) AS count FROM (${parts.map((p) => p.sql).join(' UNION ALL ')})
    GROUP BY question, value`;
  const all = prepared(db, sql).all(...parts.flatMap((p) => p.params)) as AnswerCountRow[];
  let responses = 0;
  const rows: AnswerCountRow[] = [];
  for (const row of all) {
    if (row.question === RESPONSES_QUESTION) responses += row.count;
    else rows.push(row);
  }
  return { responses, rows };
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

/**
 * Responses, index answers and satisfied answers per group. By day reads the day tier only;
 * every other grouping reads whole months from the month tier and edge days from the day tier.
 */
export function readActivity(db: Db, f: RollupFilter, group: ActivityGroup): ActivityRow[] {
  if (empty(f)) return [];
  const keys = allKeys(db);
  const sums = 'sum(responses) AS responses, sum(answers) AS answers, sum(satisfied) AS satisfied';
  const parts: Where[] = [];
  const dayKey = group === 'day' ? 'day' : group === 'month' ? 'substr(day, 1, 7)' : ACTIVITY_GROUPS[group];
  const monthKey = group === 'month' ? 'month' : ACTIVITY_GROUPS[group];
  const plan = group === 'day' ? { months: null, days: [{ from: f.from, to: f.to }] } : planTiers(f.from, f.to);
  if (plan.months && monthKey !== null) {
    const w = where(f, keys, { column: 'month', ...plan.months }, true);
    parts.push({
      sql: `SELECT ${monthKey} AS key, ${sums} FROM rollup_activity_month WHERE ${w.sql} GROUP BY 1`,
      params: w.params,
    });
  }
  for (const days of plan.days) {
    const w = where(f, keys, { column: 'day', ...days }, true);
    parts.push({ sql: `SELECT ${dayKey} AS key, ${sums} FROM rollup_activity_day WHERE ${w.sql} GROUP BY 1`, params: w.params });
  }
  const sql = `SELECT CAST(key AS TEXT) AS key, ${sums} FROM (${parts.map((p) => p.sql).join(' UNION ALL ')}) GROUP BY 1 ORDER BY 1`;
  return prepared(db, sql).all(...parts.flatMap((p) => p.params)) as ActivityRow[];
}

export type HourCell = { weekday: number; hour: number; responses: number; answers: number; satisfied: number };

// ISO weekday of a 'YYYY-MM-DD' column (strftime %w counts from Sunday = 0).
const WEEKDAY_OF_DAY = "((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) + 1";

/** Responses and satisfaction per local weekday × hour. */
export function readHourCells(db: Db, f: RollupFilter): HourCell[] {
  if (empty(f)) return [];
  const keys = allKeys(db);
  const sums = 'sum(responses) AS responses, sum(answers) AS answers, sum(satisfied) AS satisfied';
  const narrow = isNarrow(f);
  const plan = narrow ? { months: null, days: [{ from: f.from, to: f.to }] } : planTiers(f.from, f.to);
  const parts: Where[] = [];
  if (plan.months) {
    const w = where(f, keys, { column: 'month', ...plan.months }, false);
    parts.push({ sql: `SELECT weekday, hour, ${sums} FROM rollup_hours_month WHERE ${w.sql} GROUP BY 1, 2`, params: w.params });
  }
  for (const days of plan.days) {
    const w = where(f, keys, { column: 'day', ...days }, true);
    parts.push({
      sql: `SELECT ${WEEKDAY_OF_DAY} AS weekday, hour, ${sums} FROM rollup_activity_day WHERE ${w.sql} GROUP BY 1, 2`,
      params: w.params,
    });
  }
  const sql = `SELECT weekday, hour, ${sums} FROM (${parts.map((p) => p.sql).join(' UNION ALL ')}) GROUP BY 1, 2 ORDER BY 1, 2`;
  return prepared(db, sql).all(...parts.flatMap((p) => p.params)) as HourCell[];
}

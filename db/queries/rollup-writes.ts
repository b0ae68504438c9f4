import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';

import { localDay, localHour, localWeekday } from '@/lib/time/local';

import { RESPONSE_FLAGS } from '../schema';

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

export type Activity = { answers: number; satisfied: number };

/** The pseudo-question whose single row per response counts responses in the answer tiers. */
export const RESPONSES_QUESTION = '';

const SCOPE = 'survey_version_id, unit_id, point_id';
const TAIL = 'channel, procedure_id, repeat';

// Multi-row upserts: the rows of one response share their key prefix, so each statement touches
// one or two pages however many answers it carries.
function answerUpsert(table: string, timeColumn: 'day' | 'month', byUnit: boolean, rows: number): string {
  const key = byUnit
    ? `survey_version_id, unit_id, ${timeColumn}, repeat, question, value`
    : `${SCOPE}, ${timeColumn}, ${TAIL}, question, value`;
  const width = key.split(',').length;
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')}, 1)`;
  return `INSERT INTO ${table} (${key}, count) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}
    ON CONFLICT (${key}) DO UPDATE SET count = count + 1`;
}

function activityUpsert(table: string, key: string): string {
  const width = key.split(',').length;
  return `INSERT INTO ${table} (${key}, responses, answers, satisfied)
    VALUES (${Array.from({ length: width }, () => '?').join(', ')}, 1, ?, ?)
    ON CONFLICT (${key}) DO UPDATE SET responses = responses + 1,
      answers = answers + excluded.answers, satisfied = satisfied + excluded.satisfied`;
}

const ACTIVITY_DAY_KEY = `${SCOPE}, day, hour, ${TAIL}`;
const ACTIVITY_MONTH_KEY = `${SCOPE}, month, ${TAIL}`;
const HOURS_MONTH_KEY = 'survey_version_id, unit_id, month, weekday, hour, repeat';

export type RollupWriter = (
  fact: RollupFact,
  scored: readonly { question: string; value: number }[],
  activity: Activity,
) => void;

/**
 * Prepares the statements that add one response to every rollup tier. Call the returned
 * function inside the transaction that inserts the response, so rollups and responses commit
 * together. Statements are cached per answer count.
 */
export function createRollupWriter(client: Database.Database): RollupWriter {
  const byCount = new Map<number, { day: Statement; month: Statement; unitDay: Statement; unitMonth: Statement }>();
  const activityDay = client.prepare(activityUpsert('rollup_activity_day', ACTIVITY_DAY_KEY));
  const activityMonth = client.prepare(activityUpsert('rollup_activity_month', ACTIVITY_MONTH_KEY));
  const hoursMonth = client.prepare(activityUpsert('rollup_hours_month', HOURS_MONTH_KEY));

  return (fact, scored, activity) => {
    const rows = scored.length + 1;
    let s = byCount.get(rows);
    if (!s) {
      s = {
        day: client.prepare(answerUpsert('rollup_answers_day', 'day', false, rows)),
        month: client.prepare(answerUpsert('rollup_answers_month', 'month', false, rows)),
        unitDay: client.prepare(answerUpsert('rollup_answers_unit_day', 'day', true, rows)),
        unitMonth: client.prepare(answerUpsert('rollup_answers_unit_month', 'month', true, rows)),
      };
      byCount.set(rows, s);
    }
    const day = localDay(fact.completedAt);
    const month = day.slice(0, 7);
    const hour = localHour(fact.completedAt);
    const procedure = fact.procedureId ?? 0;
    const repeat = fact.flags & RESPONSE_FLAGS.repeat ? 1 : 0;
    const { surveyVersionId: v, unitId: u, pointId: p, channel: c } = fact;

    const dayParams: unknown[] = [];
    const monthParams: unknown[] = [];
    const unitDayParams: unknown[] = [];
    const unitMonthParams: unknown[] = [];
    const push = (question: string, value: number) => {
      dayParams.push(v, u, p, day, c, procedure, repeat, question, value);
      monthParams.push(v, u, p, month, c, procedure, repeat, question, value);
      unitDayParams.push(v, u, day, repeat, question, value);
      unitMonthParams.push(v, u, month, repeat, question, value);
    };
    push(RESPONSES_QUESTION, 0);
    for (const a of scored) push(a.question, a.value);
    s.day.run(dayParams);
    s.month.run(monthParams);
    s.unitDay.run(unitDayParams);
    s.unitMonth.run(unitMonthParams);
    activityDay.run(v, u, p, day, hour, c, procedure, repeat, activity.answers, activity.satisfied);
    activityMonth.run(v, u, p, month, c, procedure, repeat, activity.answers, activity.satisfied);
    hoursMonth.run(v, u, month, localWeekday(fact.completedAt), hour, repeat, activity.answers, activity.satisfied);
  };
}

// Constants both schema files (SQLite and PostgreSQL) and the queries share.

export const RESPONSE_FLAGS = {
  /** Same device, same answers within KIOSK_REPEAT_SECONDS: kept, left out of indices. */
  repeat: 1,
  /** One client's phone answers at one desk beyond BURST_RESPONSES in BURST_WINDOW_MINUTES: the same. */
  burst: 2,
} as const;

/**
 * The flags that leave a response out of indices, rankings, comments, cases and public figures.
 * The rollups keep such responses apart under `repeat = 1`, whatever the flag.
 */
export const EXCLUDED_FLAGS = RESPONSE_FLAGS.repeat | RESPONSE_FLAGS.burst;

export { CASE_STATUSES } from '../lib/cases/status';

export const ROLLUP_TABLES = [
  'rollup_answers_day',
  'rollup_answers_month',
  'rollup_answers_unit_day',
  'rollup_answers_unit_month',
  'rollup_answers_point_day',
  'rollup_answers_point_month',
  'rollup_answers_channel_day',
  'rollup_answers_channel_month',
  'rollup_answers_procedure_day',
  'rollup_answers_procedure_month',
  'rollup_activity_day',
  'rollup_activity_month',
  'rollup_hours_month',
] as const;

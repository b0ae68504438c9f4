// Constants both schema files (SQLite and PostgreSQL) and the queries share.

export const RESPONSE_FLAGS = {
  /** Same device, same answers within KIOSK_REPEAT_SECONDS: kept, left out of indices. */
  repeat: 1,
} as const;

export { CASE_STATUSES } from '../lib/cases/status';

export const ROLLUP_TABLES = [
  'rollup_answers_day',
  'rollup_answers_month',
  'rollup_answers_unit_day',
  'rollup_answers_unit_month',
  'rollup_activity_day',
  'rollup_activity_month',
  'rollup_hours_month',
] as const;

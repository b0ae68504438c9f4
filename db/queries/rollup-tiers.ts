import {
  rollupAnswersChannelDay,
  rollupAnswersChannelMonth,
  rollupAnswersDay,
  rollupAnswersMonth,
  rollupAnswersPointDay,
  rollupAnswersPointMonth,
  rollupAnswersProcedureDay,
  rollupAnswersProcedureMonth,
  rollupAnswersUnitDay,
  rollupAnswersUnitMonth,
} from '../schema';

/** The scope columns an answer tier may keep besides survey version and unit. */
export type ScopeColumn = 'point_id' | 'channel' | 'procedure_id';

export type AnswerTable =
  | typeof rollupAnswersDay
  | typeof rollupAnswersMonth
  | typeof rollupAnswersUnitDay
  | typeof rollupAnswersUnitMonth
  | typeof rollupAnswersPointDay
  | typeof rollupAnswersPointMonth
  | typeof rollupAnswersChannelDay
  | typeof rollupAnswersChannelMonth
  | typeof rollupAnswersProcedureDay
  | typeof rollupAnswersProcedureMonth;

export type AnswerTier = {
  table: AnswerTable;
  name: string;
  time: 'day' | 'month';
  /** The scope columns it keeps; a view filtered or grouped by any other cannot read it. */
  scope: readonly ScopeColumn[];
  /** Its primary key between unit_id and repeat (the time column included), in order. */
  key: readonly string[];
};

/**
 * Every answer tier (db/schema-tables.ts), smallest first: one by unit only, one per scope column
 * (desk, channel, procedure), one with all of them. A read takes the first whose scope covers its
 * filters and grouping (`answerTierFor`), so its cost follows the rows that view needs.
 */
export const ANSWER_TIERS: readonly AnswerTier[] = [
  { table: rollupAnswersUnitMonth, name: 'rollup_answers_unit_month', time: 'month', scope: [], key: ['month'] },
  { table: rollupAnswersUnitDay, name: 'rollup_answers_unit_day', time: 'day', scope: [], key: ['day'] },
  {
    table: rollupAnswersPointMonth,
    name: 'rollup_answers_point_month',
    time: 'month',
    scope: ['point_id'],
    key: ['point_id', 'month'],
  },
  {
    table: rollupAnswersPointDay,
    name: 'rollup_answers_point_day',
    time: 'day',
    scope: ['point_id'],
    key: ['point_id', 'day'],
  },
  {
    table: rollupAnswersChannelMonth,
    name: 'rollup_answers_channel_month',
    time: 'month',
    scope: ['channel'],
    key: ['channel', 'month'],
  },
  {
    table: rollupAnswersChannelDay,
    name: 'rollup_answers_channel_day',
    time: 'day',
    scope: ['channel'],
    key: ['channel', 'day'],
  },
  {
    table: rollupAnswersProcedureMonth,
    name: 'rollup_answers_procedure_month',
    time: 'month',
    scope: ['procedure_id'],
    key: ['procedure_id', 'month'],
  },
  {
    table: rollupAnswersProcedureDay,
    name: 'rollup_answers_procedure_day',
    time: 'day',
    scope: ['procedure_id'],
    key: ['procedure_id', 'day'],
  },
  {
    table: rollupAnswersMonth,
    name: 'rollup_answers_month',
    time: 'month',
    scope: ['point_id', 'channel', 'procedure_id'],
    key: ['point_id', 'month', 'channel', 'procedure_id'],
  },
  {
    table: rollupAnswersDay,
    name: 'rollup_answers_day',
    time: 'day',
    scope: ['point_id', 'channel', 'procedure_id'],
    key: ['point_id', 'day', 'channel', 'procedure_id'],
  },
];

/** The smallest answer tier of `time` that keeps every column in `needs`. */
export function answerTierFor(time: 'day' | 'month', needs: readonly ScopeColumn[]): AnswerTier {
  const tier = ANSWER_TIERS.find((t) => t.time === time && needs.every((c) => t.scope.includes(c)));
  // The last tiers keep every scope column, so one always answers.
  return tier!;
}

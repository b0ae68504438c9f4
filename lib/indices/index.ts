export type {
  AnswerCounts,
  CriterionResult,
  DimensionResult,
  IndexOptions,
  IndicesResult,
  Interval,
  ScoredQuestion,
  Scoring,
  ScoringDimension,
  ValueCounts,
} from './types';
export { answerCountsFromRows, type AnswerCountRow } from './counts';
export { computeIndices, computeUnindexedRates, type ComputeIndicesInput } from './compute';
export { wilsonInterval, Z_95 } from './wilson';
export {
  meanScore,
  proportionRate,
  quickRating,
  scoreQuestion,
  QUICK_SCALE,
  type MeanScore,
  type ProportionRate,
  type QuickRating,
} from './rate';
export { proportionChange, type PeriodCount, type ProportionChange } from './change';
export { rankByIndex, type Ranking, type RankedRow, type RankingRow } from './ranking';
export { isSuppressed } from './suppression';
export { round2 } from './round';
export {
  computePriorities,
  PRIORITY_METHOD,
  QUADRANTS,
  type PrioritiesResult,
  type PriorityCriterion,
  type Quadrant,
  type RespondentRow,
} from './priorities';

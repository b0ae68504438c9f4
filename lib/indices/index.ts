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
export { indexChange, proportionChange, type PeriodCount, type ProportionChange } from './change';
export { rankByIndex, type Ranking, type RankedRow, type RankingRow, type SuppressedRow } from './ranking';
export {
  benchmarkZ,
  holmAdjust,
  twoSidedP,
  verdicts,
  verdictsAgainstOwn,
  VERDICT_WORDS,
  type Benchmark,
  type Verdict,
} from './verdict';
export { respondentInterval, scoreMoments, type RespondentInterval, type ScoreMoments } from './respondent-interval';
export { indexCriteria, isScoreQuestion, respondentScoreRows, type IndexCriteria } from './respondent';
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

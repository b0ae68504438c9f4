/**
 * Shapes shared by the index engine. They mirror the scoring annotations of a survey
 * (README, Architecture) and the `/api/indices` response (docs/contracts.md).
 */

/** A 95 % confidence interval in percent (or in scale units for a mean): [low, high]. */
export type Interval = [low: number, high: number];

export interface ScoringDimension {
  name: string;
  title: string;
}

export interface ScoredQuestion {
  name: string;
  title: string;
  /** The element the criterion belongs to; null for questions outside the index (e.g. `overall`). */
  dimension: string | null;
  /** Every value of the answer scale, e.g. [1, 2, 3, 4, 5]. */
  values: number[];
  /** Lowest value counted as satisfied (4 on a 1–5 scale, 2 on a 1–3 scale). */
  satisfiedFrom: number;
}

export interface Scoring {
  dimensions: ScoringDimension[];
  questions: ScoredQuestion[];
}

/** How many answers each value of one question received. */
export type ValueCounts = ReadonlyMap<number, number>;

/**
 * Answer counts per question, then per value.
 *
 * A Map rather than a plain object: question names come from survey JSON, and a question named
 * `constructor` or `toString` would read an inherited property from `{}`; number keys also keep
 * `4` and `"4"` from being two different things. Build it from SQL rollup rows with
 * `answerCountsFromRows`.
 */
export type AnswerCounts = ReadonlyMap<string, ValueCounts>;

export interface IndexOptions {
  /** Cells with fewer answers than this are suppressed (docs/domain.md, statistics, `MIN_RESPONSES`). */
  minResponses: number;
}

export interface CriterionResult {
  question: string;
  title: string;
  /** Answers on the scale; skipped and not-applicable answers are not counted. */
  n: number;
  satisfied: number;
  index: number | null;
  ci95: Interval | null;
  suppressed: boolean;
  /** Every value of the scale as a string key, zeros included. */
  distribution: Record<string, number>;
}

export interface DimensionResult {
  name: string;
  title: string;
  index: number | null;
  /** 95 % interval with the respondent as the sampling unit (lib/indices/respondent-interval.ts). */
  ci95: Interval | null;
  suppressed: boolean;
  criteria: CriterionResult[];
}

/** The `/api/indices` answer (docs/contracts.md) without `survey`, `from` and `to`, which the route adds. */
export interface IndicesResult {
  /** Respondents in scope: what every suppression rule counts. */
  responses: number;
  /** Answers to the index criteria in scope (several per respondent). */
  answers: number;
  index: number | null;
  /** 95 % interval with the respondent as the sampling unit; null when suppressed. */
  ci95: Interval | null;
  /** Independent single answers worth the same information (p(1 − p)/Var); the n of its tests. */
  effectiveN: number | null;
  suppressed: boolean;
  dimensions: DimensionResult[];
}

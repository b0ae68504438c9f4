import { scoreQuestion } from './rate';
import { elementScoreQuestion, OVERALL_SCORE_QUESTION } from './respondent';
import { respondentInterval, scoreMoments, type RespondentInterval } from './respondent-interval';
import { round2, round2Interval } from './round';
import { isSuppressed } from './suppression';
import type {
  AnswerCounts,
  CriterionResult,
  DimensionResult,
  IndexOptions,
  IndicesResult,
  ScoredQuestion,
  Scoring,
  ValueCounts,
} from './types';
import { wilsonInterval } from './wilson';

export interface ComputeIndicesInput {
  scoring: Scoring;
  counts: AnswerCounts;
  /** Responses in scope (after repeat-press filtering), used for the overall suppression. */
  responses: number;
  options: IndexOptions;
}

/**
 * SIPAS indices from answer counts (docs/domain.md, SIPAS), in the shape of `/api/indices` (docs/contracts.md).
 *
 * - criterion: satisfied ÷ answers × 100; suppressed below `minResponses` answers.
 * - element: mean of its non-suppressed criteria; suppressed when all of them are. Averaging the
 *   rest, rather than suppressing the element, keeps an element whose last criterion is rarely
 *   applicable (e.g. "outcome of feedback reported in time") from hiding the other three.
 * - overall: mean of the non-suppressed elements; suppressed when none is left, or when the scope
 *   has fewer than `minResponses` responses. Suppressing the whole index because one element is
 *   thin would leave most desks without any index; which elements are missing is visible in the
 *   same payload (`dimensions[].suppressed`), so a reader can tell a partial mean from a full one.
 *   The responses floor is normally implied (a criterion cannot have more answers than there
 *   are responses); it is kept as a guard so that an overall index is never shown for a scope
 *   below the floor even if counts and responses were read with different filters.
 *
 * Intervals of elements and of the overall index treat the respondent as the sampling unit, from
 * the respondents' score distributions kept beside the answer counts (lib/indices/respondent.ts);
 * a mean of a single criterion keeps that criterion's Wilson interval.
 *
 * Every mean is taken over unrounded values (recomputed from the integer counts); rounding to
 * 2 decimals happens once, as the result is built. Elements without criteria are omitted;
 * questions whose dimension is null or unknown stay out (see `computeUnindexedRates`).
 */
export function computeIndices(input: ComputeIndicesInput): IndicesResult {
  const { scoring, counts, responses, options } = input;
  const dimensions: DimensionResult[] = [];
  const dimensionIndices: number[] = [];
  const used: CriterionResult[] = [];
  let answers = 0;

  for (const dimension of scoring.dimensions) {
    const questions = scoring.questions.filter((question) => question.dimension === dimension.name);
    if (questions.length === 0) continue;
    const criteria = questions.map((question) =>
      scoreQuestion({ question, counts: counts.get(question.name), minResponses: options.minResponses }),
    );
    const kept = criteria.filter((c) => !c.suppressed);
    const rawIndex = meanOrNull(kept.map(unroundedIndex));
    if (rawIndex !== null) dimensionIndices.push(rawIndex);
    used.push(...kept);
    for (const c of criteria) answers += c.n;
    const interval =
      rawIndex === null ? null : intervalOf(rawIndex, kept, counts.get(elementScoreQuestion(dimension.name)));
    dimensions.push({
      name: dimension.name,
      title: dimension.title,
      index: rawIndex === null ? null : round2(rawIndex),
      ci95: interval === null ? null : round2Interval(interval.ci95),
      suppressed: rawIndex === null,
      criteria,
    });
  }

  const overall = isSuppressed(responses, options.minResponses) ? null : meanOrNull(dimensionIndices);
  const interval = overall === null ? null : intervalOf(overall, used, counts.get(OVERALL_SCORE_QUESTION));
  return {
    responses,
    answers,
    index: overall === null ? null : round2(overall),
    ci95: interval === null ? null : round2Interval(interval.ci95),
    effectiveN: interval === null ? null : interval.effectiveN,
    suppressed: overall === null,
    dimensions,
  };
}

/** A single criterion keeps its Wilson interval; a pooled mean gets the respondent-level one. */
function intervalOf(
  index: number,
  criteria: readonly CriterionResult[],
  scores: ValueCounts | undefined,
): RespondentInterval | null {
  if (criteria.length === 1) {
    const only = criteria[0]!;
    const ci95 = wilsonInterval(only.satisfied, only.n);
    return ci95 === null ? null : { ci95, effectiveN: only.n };
  }
  const answers = criteria.reduce((s, c) => s + c.n, 0);
  const moments = scoreMoments(scores);
  if (moments.m === 0) {
    // Rollups written before respondents' scores were kept (until `rollups rebuild`): assume the
    // answers of one person all agree, the widest case, so no difference is overstated.
    const people = Math.max(...criteria.map((c) => c.n));
    const ci95 = wilsonInterval((index / 100) * people, people);
    return ci95 === null ? null : { ci95, effectiveN: people };
  }
  return respondentInterval({ index, moments, answers });
}

/**
 * Rates of the scored questions that do not enter the index (dimension null or not declared),
 * e.g. SIPAS `overall` or the 3-level quick rating, in the same criterion shape.
 */
export function computeUnindexedRates(input: Omit<ComputeIndicesInput, 'responses'>): CriterionResult[] {
  const { scoring, counts, options } = input;
  const declared = new Set(scoring.dimensions.map((dimension) => dimension.name));
  return scoring.questions
    .filter((question) => !isIndexed(question, declared))
    .map((question) =>
      scoreQuestion({ question, counts: counts.get(question.name), minResponses: options.minResponses }),
    );
}

function isIndexed(question: ScoredQuestion, declared: ReadonlySet<string>): boolean {
  return question.dimension !== null && declared.has(question.dimension);
}

/** The exact index of a non-suppressed criterion, from its integer counts, never the rounded one. */
function unroundedIndex(criterion: CriterionResult): number {
  return (criterion.satisfied / criterion.n) * 100;
}

function meanOrNull(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

import { scoreQuestion } from './rate';
import { round2 } from './round';
import { isSuppressed } from './suppression';
import type {
  AnswerCounts,
  CriterionResult,
  DimensionResult,
  IndexOptions,
  IndicesResult,
  ScoredQuestion,
  Scoring,
} from './types';

export interface ComputeIndicesInput {
  scoring: Scoring;
  counts: AnswerCounts;
  /** Responses in scope (after repeat-press filtering), used for the overall suppression. */
  responses: number;
  options: IndexOptions;
}

/**
 * SIPAS indices from answer counts (DESIGN §2.1), in the §4.3 shape.
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
 * Every mean is taken over unrounded values (recomputed from the integer counts); rounding to
 * 2 decimals happens once, as the result is built. Elements without criteria are omitted;
 * questions whose dimension is null or unknown stay out (see `computeUnindexedRates`).
 */
export function computeIndices(input: ComputeIndicesInput): IndicesResult {
  const { scoring, counts, responses, options } = input;
  const dimensions: DimensionResult[] = [];
  const dimensionIndices: number[] = [];

  for (const dimension of scoring.dimensions) {
    const questions = scoring.questions.filter((question) => question.dimension === dimension.name);
    if (questions.length === 0) continue;
    const criteria = questions.map((question) =>
      scoreQuestion({ question, counts: counts.get(question.name), minResponses: options.minResponses }),
    );
    const rawIndex = meanOrNull(criteria.filter((c) => !c.suppressed).map(unroundedIndex));
    if (rawIndex !== null) dimensionIndices.push(rawIndex);
    dimensions.push({
      name: dimension.name,
      title: dimension.title,
      index: rawIndex === null ? null : round2(rawIndex),
      suppressed: rawIndex === null,
      criteria,
    });
  }

  const overall = isSuppressed(responses, options.minResponses) ? null : meanOrNull(dimensionIndices);
  return {
    responses,
    index: overall === null ? null : round2(overall),
    suppressed: overall === null,
    dimensions,
  };
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

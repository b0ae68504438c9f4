import { countOnScale, tallyOnScale } from './counts';
import { round2, round2Interval } from './round';
import { isSuppressed } from './suppression';
import type { CriterionResult, Interval, ScoredQuestion, ValueCounts } from './types';
import { wilsonInterval, Z_95 } from './wilson';

/** A share of answers, in percent, with its Wilson interval. */
export interface ProportionRate {
  count: number;
  n: number;
  percent: number | null;
  ci95: Interval | null;
  suppressed: boolean;
}

/** count ÷ n × 100 with a Wilson 95 % interval, both null (and rounded) when suppressed. */
export function proportionRate(args: { count: number; n: number; minResponses: number }): ProportionRate {
  const { count, n, minResponses } = args;
  const interval = wilsonInterval(count, n);
  if (isSuppressed(n, minResponses) || interval === null) {
    return { count, n, percent: null, ci95: null, suppressed: true };
  }
  return { count, n, percent: round2((count / n) * 100), ci95: round2Interval(interval), suppressed: false };
}

/**
 * The satisfaction rate of one question in the criterion shape of `/api/indices` (docs/contracts.md). Used for SIPAS criteria and
 * for questions outside the index (the `overall` question) alike, so both read the same way.
 * Suppressed cells keep n, satisfied and distribution: the dashboard is internal and shows
 * "chưa đủ dữ liệu (n = 12)"; the public page builds its own projection without them.
 */
export function scoreQuestion(args: {
  question: ScoredQuestion;
  counts: ValueCounts | undefined;
  minResponses: number;
}): CriterionResult {
  const { question, counts, minResponses } = args;
  const { n, distribution } = tallyOnScale(question.values, counts);
  const satisfied = countOnScale(question.values, counts, (value) => value >= question.satisfiedFrom);
  const rate = proportionRate({ count: satisfied, n, minResponses });
  return {
    question: question.name,
    title: question.title,
    n,
    satisfied,
    index: rate.percent,
    ci95: rate.ci95,
    suppressed: rate.suppressed,
    distribution,
  };
}

/** The 3-level per-dossier scale (docs/domain.md, the per-dossier rating): 1 Không hài lòng · 2 Hài lòng · 3 Rất hài lòng. */
export const QUICK_SCALE = [1, 2, 3] as const;
const QUICK_DISSATISFIED = 1;

export interface QuickRating {
  n: number;
  suppressed: boolean;
  distribution: Record<string, number>;
  /** "Hài lòng" or "Rất hài lòng": the top two of three. */
  satisfied: ProportionRate;
  /** "Không hài lòng"; Decision 766/QĐ-TTg scores its complement. */
  dissatisfied: ProportionRate;
}

export function quickRating(args: { counts: ValueCounts | undefined; minResponses: number }): QuickRating {
  const { counts, minResponses } = args;
  const { n, distribution } = tallyOnScale(QUICK_SCALE, counts);
  const dissatisfiedCount = counts?.get(QUICK_DISSATISFIED) ?? 0;
  const satisfied = proportionRate({ count: n - dissatisfiedCount, n, minResponses });
  const dissatisfied = proportionRate({ count: dissatisfiedCount, n, minResponses });
  return { n, suppressed: satisfied.suppressed, distribution, satisfied, dissatisfied };
}

export interface MeanScore {
  n: number;
  mean: number | null;
  /** Normal-approximation 95 % interval in scale units; null when suppressed or n < 2. */
  ci95: Interval | null;
  suppressed: boolean;
  distribution: Record<string, number>;
}

/**
 * Mean answer on any numeric scale. Wilson applies to proportions only, so the mean gets
 * mean ± 1.96·s/√n with the sample standard deviation. At the default minimum of 30 answers the
 * z quantile is within 4 % of Student's t (2.045 at 29 df), which does not change a dashboard
 * reading; the interval is clamped to the scale because a mean cannot leave it.
 */
export function meanScore(args: {
  values: readonly number[];
  counts: ValueCounts | undefined;
  minResponses: number;
}): MeanScore {
  const { values, counts, minResponses } = args;
  const { n, distribution } = tallyOnScale(values, counts);
  if (isSuppressed(n, minResponses)) {
    return { n, mean: null, ci95: null, suppressed: true, distribution };
  }
  let sum = 0;
  for (const value of values) sum += value * (counts?.get(value) ?? 0);
  const mean = sum / n;
  return { n, mean: round2(mean), ci95: meanInterval(values, counts, n, mean), suppressed: false, distribution };
}

function meanInterval(
  values: readonly number[],
  counts: ValueCounts | undefined,
  n: number,
  mean: number,
): Interval | null {
  if (n < 2) return null;
  let squaredDeviations = 0;
  for (const value of values) squaredDeviations += (counts?.get(value) ?? 0) * (value - mean) ** 2;
  const halfWidth = Z_95 * Math.sqrt(squaredDeviations / (n - 1) / n);
  const lowest = Math.min(...values);
  const highest = Math.max(...values);
  return round2Interval([Math.max(lowest, mean - halfWidth), Math.min(highest, mean + halfWidth)]);
}

import { round2 } from './round';
import { Z_95 } from './wilson';

/** k satisfied out of n answers in one period. */
export interface PeriodCount {
  k: number;
  n: number;
}

export interface ProportionChange {
  /** current − previous, in percentage points. */
  delta: number;
  /** Pooled two-proportion z statistic; 0 when both periods are all-0 % or all-100 %. */
  z: number;
  /** |z| > 1.96: the change is unlikely (p < 0.05, two-sided) to be sampling noise. */
  significant: boolean;
}

/**
 * Change of a proportion against the previous period with a pooled two-proportion z-test.
 * Pooled, because the question asked is "is there any difference?": under that null hypothesis
 * both periods share one proportion, and the pooled standard error estimates it best.
 * Null when either period has no answers, or fewer than `minResponses` when that is given (a
 * suppressed cell should not leak through its change).
 */
export function proportionChange(args: {
  current: PeriodCount;
  previous: PeriodCount;
  minResponses?: number;
}): ProportionChange | null {
  const { current, previous, minResponses = 1 } = args;
  assertCount(current);
  assertCount(previous);
  const floor = Math.max(1, minResponses);
  if (current.n < floor || previous.n < floor) return null;

  const p1 = current.k / current.n;
  const p2 = previous.k / previous.n;
  const pooled = (current.k + previous.k) / (current.n + previous.n);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / current.n + 1 / previous.n));
  // pooled ∈ {0, 1} means both periods are identical extremes: no difference, no test statistic.
  const z = standardError === 0 ? 0 : (p1 - p2) / standardError;
  return { delta: round2((p1 - p2) * 100), z: round2(z), significant: Math.abs(z) > Z_95 };
}

function assertCount({ k, n }: PeriodCount): void {
  if (!Number.isFinite(k) || !Number.isFinite(n) || k < 0 || k > n) {
    throw new RangeError(`proportionChange: need 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  }
}

/**
 * Change of an index against the previous period, tested with each period's effective sample size
 * (lib/indices/respondent-interval.ts) so that one person's many answers count as one person's.
 * Null when either index is suppressed.
 */
export function indexChange(args: {
  current: { index: number | null; effectiveN: number | null };
  previous: { index: number | null; effectiveN: number | null };
}): ProportionChange | null {
  const { current, previous } = args;
  if (current.index === null || current.effectiveN === null || previous.index === null || previous.effectiveN === null)
    return null;
  return proportionChange({
    current: { k: (current.index / 100) * current.effectiveN, n: current.effectiveN },
    previous: { k: (previous.index / 100) * previous.effectiveN, n: previous.effectiveN },
  });
}

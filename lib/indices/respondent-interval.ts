import type { Interval, ValueCounts } from './types';
import { wilsonInterval } from './wilson';

/** Respondents with a score, and the sums of their scores and squared scores (scores as shares, 0–1). */
export interface ScoreMoments {
  m: number;
  sum: number;
  sumOfSquares: number;
}

/** From a score distribution (whole percent → respondents), as the rollups keep it. */
export function scoreMoments(counts: ValueCounts | undefined): ScoreMoments {
  let m = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (const [percent, count] of counts ?? []) {
    const s = percent / 100;
    m += count;
    sum += s * count;
    sumOfSquares += s * s * count;
  }
  return { m, sum, sumOfSquares };
}

export interface RespondentInterval {
  ci95: Interval;
  /**
   * How many independent single answers would carry the same information: p(1 − p) ÷ Var, with Var
   * the respondent-level variance. The index's tests use it as their n.
   */
  effectiveN: number;
}

/**
 * A 95 % interval for an index that pools several answers of each person, with the respondent as
 * the sampling unit: the variance is that of a mean of the respondents' scores,
 * Var = Σ(sᵢ − s̄)² ÷ m² (the linearised, cluster-robust variance; divided by m², not m(m − 1), as
 * Wilson's p(1 − p)/n is), turned into an effective sample size n* = p(1 − p)/Var and given as the
 * Wilson interval of p with n*. So when a person's answers are all alike the interval is exactly
 * the Wilson interval of m single answers, and when they are independent it narrows towards that
 * of all the answers (n* is capped there: no pooling can know more than every answer separately).
 * When every respondent has the same score (Var = 0) nothing tells how much a person's answers
 * agree, so n* falls back to m, the safe side.
 *
 * `index` is the unrounded index in percent, `answers` the number of answers pooled.
 */
export function respondentInterval(args: {
  index: number;
  moments: ScoreMoments;
  answers: number;
}): RespondentInterval | null {
  const { index, moments, answers } = args;
  const { m, sum, sumOfSquares } = moments;
  if (m === 0 || answers === 0) return null;
  const p = Math.min(1, Math.max(0, index / 100));
  const centred = Math.max(0, sumOfSquares - (sum * sum) / m);
  const variance = centred / (m * m);
  const spread = p * (1 - p);
  let effectiveN = variance > 0 && spread > 0 ? spread / variance : m;
  effectiveN = Math.min(effectiveN, Math.max(answers, m));
  const ci95 = wilsonInterval(p * effectiveN, effectiveN);
  return ci95 === null ? null : { ci95, effectiveN };
}

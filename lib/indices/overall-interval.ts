import { round2Interval } from './round';
import type { IndicesResult, Interval } from './types';
import { Z_95 } from './wilson';

/**
 * A 95 % interval for the overall index (a mean of element means of criterion proportions), by
 * the delta method: Var = (1/E²) Σ_e (1/C_e²) Σ_c p_c(1 − p_c)/n_c over the criteria that entered
 * the index. It treats criteria as independent; answers of one person are positively correlated,
 * so the true interval is somewhat wider: the dashboard labels it as approximate. With a single
 * criterion (the quick rating) it is the Wald interval of that proportion, so the criterion's
 * Wilson interval is shown instead.
 */
export function overallInterval(result: IndicesResult): Interval | null {
  if (result.index === null) return null;
  const elements = result.dimensions.filter((d) => !d.suppressed);
  const criteria = elements.flatMap((d) => d.criteria.filter((c) => !c.suppressed));
  if (criteria.length === 1) return criteria[0]!.ci95;
  let variance = 0;
  for (const element of elements) {
    const used = element.criteria.filter((c) => !c.suppressed);
    let sum = 0;
    for (const c of used) {
      const p = c.satisfied / c.n;
      sum += (p * (1 - p)) / c.n;
    }
    variance += sum / (used.length * used.length);
  }
  variance /= elements.length * elements.length;
  const half = Z_95 * Math.sqrt(variance) * 100;
  const centre = exactOverall(result);
  return round2Interval([Math.max(0, centre - half), Math.min(100, centre + half)]);
}

/** The unrounded overall index, recomputed from the integer counts. */
function exactOverall(result: IndicesResult): number {
  const means = result.dimensions
    .filter((d) => !d.suppressed)
    .map((d) => {
      const used = d.criteria.filter((c) => !c.suppressed);
      return used.reduce((s, c) => s + (c.satisfied / c.n) * 100, 0) / used.length;
    });
  return means.reduce((s, m) => s + m, 0) / means.length;
}

/**
 * Share of answers below the middle of their scale among the index criteria: 1–2 on 1–5, 1
 * ("Không hài lòng") on the 3-level rating. Suppressed criteria count too: the share pools
 * every answer of the scope.
 */
export function dissatisfiedCounts(result: IndicesResult): { count: number; n: number } {
  let count = 0;
  let n = 0;
  for (const d of result.dimensions) {
    for (const c of d.criteria) {
      const values = Object.keys(c.distribution).map(Number).sort((a, b) => a - b);
      const middle = (values[0]! + values[values.length - 1]!) / 2;
      for (const v of values) if (v < middle) count += c.distribution[String(v)] ?? 0;
      n += c.n;
    }
  }
  return { count, n };
}

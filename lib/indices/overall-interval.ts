import type { IndicesResult } from './types';

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
      const values = Object.keys(c.distribution)
        .map(Number)
        .sort((a, b) => a - b);
      const middle = (values[0]! + values[values.length - 1]!) / 2;
      for (const v of values) if (v < middle) count += c.distribution[String(v)] ?? 0;
      n += c.n;
    }
  }
  return { count, n };
}

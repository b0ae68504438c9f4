import type { Locale } from '@/lib/i18n';

/**
 * "Làm tốt" / "chưa tốt" by evidence: a two-sided test of each row's index against one stated
 * benchmark, with Holm's correction across the rows of one ranking
 * (docs/decisions/0005-respondent-intervals.md).
 */

export type Verdict = 'above' | 'below' | 'within';

/**
 * The words for each verdict, the same on the public results, the dashboard, the printed report and
 * the exports (the benchmark is always named beside them, so the words do not repeat it).
 */
export const VERDICT_WORDS: Record<Locale, Record<Verdict, string>> = {
  vi: { above: 'Làm tốt', below: 'Chưa tốt', within: 'Chưa khác biệt rõ' },
  en: { above: 'Doing well', below: 'Not yet well', within: 'No clear difference' },
};

/** What a view compares its rows with, named so the page can say it. */
export interface Benchmark {
  /**
   * `national`: the national SIPAS figure; `view`: the index of the whole view; `target`:
   * SATISFACTION_TARGET; `unit`: each officer's own unit (a ranking of officers).
   */
  kind: 'national' | 'view' | 'target' | 'unit';
  label: string;
  index: number;
}

/** 1 − Φ(x) for x ≥ 0, from erfc (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
function upperTail(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return erfc / 2;
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * upperTail(Math.abs(z)));
}

/**
 * Score test of an index (percent) with effective sample size n* against a benchmark B (percent):
 * z = (p − B) / √(B(1 − B)/n*). It is the test the Wilson interval inverts, so a row is outside
 * the benchmark at 95 % (before correction) exactly when B lies outside its interval.
 */
export function benchmarkZ(index: number, effectiveN: number, benchmark: number): number {
  const p = index / 100;
  const b = benchmark / 100;
  if (b <= 0 || b >= 1) return p === b ? 0 : Math.sign(p - b) * Infinity;
  return (p - b) / Math.sqrt((b * (1 - b)) / effectiveN);
}

/**
 * Holm's step-down adjustment: adjusted pᵢ = max over the first i sorted p of (k − j + 1)·p₍ⱼ₎,
 * capped at 1. Rejecting where adjusted p < α keeps the chance of naming any row wrongly ≤ α.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const k = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(k);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (k - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

export const ALPHA = 0.05;

/** Verdicts of the rows of one ranking against one benchmark, Holm-corrected across them. */
export function verdicts(
  rows: readonly { index: number; effectiveN: number }[],
  benchmark: number,
): { verdict: Verdict; p: number }[] {
  return verdictsAgainstOwn(rows.map((r) => ({ ...r, benchmark })));
}

/**
 * Verdicts of rows that each have their own benchmark (an officer against their own unit), still
 * Holm-corrected across the rows tested together. A row without a benchmark is `within` and
 * stays out of the family.
 */
export function verdictsAgainstOwn(
  rows: readonly { index: number; effectiveN: number; benchmark: number | null }[],
): { verdict: Verdict; p: number }[] {
  const tested = rows.flatMap((r, i) =>
    r.benchmark === null ? [] : [{ i, z: benchmarkZ(r.index, r.effectiveN, r.benchmark) }],
  );
  const adjusted = holmAdjust(tested.map((t) => twoSidedP(t.z)));
  const out = rows.map(() => ({ verdict: 'within' as Verdict, p: 1 }));
  tested.forEach(({ i, z }, k) => {
    out[i] = { verdict: adjusted[k]! < ALPHA ? (z > 0 ? 'above' : 'below') : 'within', p: adjusted[k]! };
  });
  return out;
}

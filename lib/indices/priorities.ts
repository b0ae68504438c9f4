// Improvement priorities: how much each criterion drives the outcome question ("overall, how
// satisfied are you"), next to how well it performs (its index). docs/priorities.md explains the
// method and its limits.
import { seededRandom } from '../demo/random';
import { centredRows, correlations, relativeWeights, type CentredRows } from './relative-weights';
import { round2, round2Interval } from './round';
import { isSuppressed } from './suppression';
import type { Interval } from './types';

export const PRIORITY_METHOD = 'johnson_relative_weights';

export const QUADRANTS = ['fix_first', 'keep_up', 'low_priority', 'possible_overkill'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface PriorityCriterionInput {
  question: string;
  title: string;
  dimension: string | null;
  /** The criterion's index (performance), null when suppressed. */
  index: number | null;
}

/** One respondent: the outcome answer and the criteria's answers in `criteria` order (null: skipped). */
export interface RespondentRow {
  outcome: number;
  values: readonly (number | null)[];
}

export interface PrioritiesInput {
  criteria: readonly PriorityCriterionInput[];
  respondents: readonly RespondentRow[];
  minResponses: number;
  /** Resamples of the respondent bootstrap and its seed (fixed, so a figure does not move on reload). */
  bootstrap?: { resamples: number; seed: number };
}

export interface PriorityCriterion extends PriorityCriterionInput {
  /** Share of the explained variance of the outcome, in percent of R² (the shares sum to 100). */
  importance: number | null;
  importanceCi95: Interval | null;
  quadrant: Quadrant | null;
}

export interface PrioritiesResult {
  method: typeof PRIORITY_METHOD;
  /** Respondents the model rests on (an outcome answer and at least one criterion answered). */
  responses: number;
  /** R² of the outcome on every criterion, in percent; null when suppressed. */
  r2: number | null;
  criteria: PriorityCriterion[];
}

// 50 resamples: at the 2,000-respondent cap the interval's ends move about 0.2 points between
// seeds (0.19 with 100, 0.14 with 200) against an interval about 1.2 points wide, and no quadrant
// depends on the interval. Each resample is one correlation pass over the distinct answer patterns
// and one 22 × 22 eigen-decomposition (bench/priorities.ts; docs/priorities.md).
export const DEFAULT_BOOTSTRAP = { resamples: 50, seed: 2026 };

/**
 * Derived importance (Johnson's relative weights, as a share of R²) with a 95 % percentile
 * interval from a respondent bootstrap, and a quadrant against the medians of importance and
 * performance. A skipped criterion takes that criterion's mean, so one skip does not drop the
 * respondent. Under `minResponses` respondents nothing but the indices is given.
 */
export function computePriorities({
  criteria,
  respondents,
  minResponses,
  bootstrap = DEFAULT_BOOTSTRAP,
}: PrioritiesInput): PrioritiesResult {
  const usable = respondents.filter((r) => r.values.some((v) => v !== null));
  const n = usable.length;
  const empty = (): PrioritiesResult => ({
    method: PRIORITY_METHOD,
    responses: n,
    r2: null,
    criteria: criteria.map((c) => ({ ...c, importance: null, importanceCi95: null, quadrant: null })),
  });
  if (criteria.length === 0 || isSuppressed(n, minResponses) || n < 3) return empty();

  const { x, y } = imputedColumns(criteria.length, usable);
  // Respondents who gave the same answers are one row of the matrix, counted as often as they occur.
  const { rows, patternOf, counts } = compactRows(x, y);
  const point = shares(rows, counts);
  if (point === null) return empty();

  const samples: number[][] = criteria.map(() => []);
  const random = seededRandom(bootstrap.seed);
  const weight = new Uint32Array(rows.n);
  for (let b = 0; b < bootstrap.resamples; b++) {
    weight.fill(0);
    for (let i = 0; i < n; i++) weight[patternOf[Math.floor(random() * n)]!]!++;
    const s = shares(rows, weight);
    if (s === null) continue;
    s.shares.forEach((v, j) => samples[j]!.push(v));
  }

  const importances = point.shares;
  const importanceMedian = median(importances);
  const indexMedian = median(criteria.flatMap((c) => (c.index === null ? [] : [c.index])));
  return {
    method: PRIORITY_METHOD,
    responses: n,
    r2: round2(point.r2 * 100),
    criteria: criteria.map((c, j) => {
      const importance = importances[j]!;
      const ci = samples[j]!.length > 0 ? percentileInterval(samples[j]!) : null;
      return {
        ...c,
        importance: round2(importance),
        importanceCi95: ci && round2Interval(ci),
        quadrant:
          c.index === null || indexMedian === null
            ? null
            : quadrantOf(importance > importanceMedian!, c.index < indexMedian),
      };
    }),
  };
}

export function quadrantOf(important: boolean, weak: boolean): Quadrant {
  if (important) return weak ? 'fix_first' : 'keep_up';
  return weak ? 'low_priority' : 'possible_overkill';
}

function imputedColumns(p: number, rows: readonly RespondentRow[]): { x: Float64Array[]; y: Float64Array } {
  const n = rows.length;
  const x = Array.from({ length: p }, () => new Float64Array(n));
  const y = Float64Array.from(rows, (r) => r.outcome);
  for (let j = 0; j < p; j++) {
    let sum = 0;
    let count = 0;
    for (const r of rows) {
      const v = r.values[j];
      if (v !== null && v !== undefined) {
        sum += v;
        count++;
      }
    }
    const mean = count > 0 ? sum / count : 0;
    rows.forEach((r, i) => {
      const v = r.values[j];
      x[j]![i] = v === null || v === undefined ? mean : v;
    });
  }
  return { x, y };
}

/**
 * The respondents' distinct answer patterns as one centred matrix (centred on the respondents'
 * means), each respondent's pattern, and how many respondents share each. Answers are a few
 * integers per criterion, so straight-liners and common profiles collapse into one row each, and a
 * bootstrap pass costs the patterns, not the respondents.
 */
export function compactRows(
  x: readonly Float64Array[],
  y: Float64Array,
): { rows: CentredRows; patternOf: Uint32Array; counts: Uint32Array } {
  const n = y.length;
  const width = x.length + 1;
  const index = new Map<string, number>();
  const patternOf = new Uint32Array(n);
  const first: number[] = [];
  const row = new Array<number>(width);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < width - 1; j++) row[j] = x[j]![i]!;
    row[width - 1] = y[i]!;
    const key = row.join(',');
    let p = index.get(key);
    if (p === undefined) {
      p = first.length;
      index.set(key, p);
      first.push(i);
    }
    patternOf[i] = p;
  }
  const counts = new Uint32Array(first.length);
  for (let i = 0; i < n; i++) counts[patternOf[i]!]!++;
  const all = centredRows(x, y);
  const data = new Float64Array(first.length * width);
  first.forEach((i, p) => data.set(all.data.subarray(i * width, i * width + width), p * width));
  return { rows: { n: first.length, width, data }, patternOf, counts };
}

/** Each criterion's relative weight as a percent of R²; null when the outcome has no variance. */
function shares(rows: CentredRows, weight?: Uint32Array): { r2: number; shares: number[] } | null {
  const { rxx, rxy } = correlations(rows, weight);
  const { weights, r2 } = relativeWeights(rxx, rxy);
  if (!(r2 > 1e-12)) return null;
  return { r2, shares: weights.map((w) => (100 * w) / r2) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The 2.5th and 97.5th percentiles (linear interpolation between order statistics). */
export function percentileInterval(values: readonly number[]): Interval {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number): number => {
    const pos = q * (s.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
  };
  return [at(0.025), at(0.975)];
}

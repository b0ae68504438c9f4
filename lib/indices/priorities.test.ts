import { describe, expect, it, test } from 'vitest';

import { seededRandom } from '../demo/random';
import {
  compactRows,
  computePriorities,
  median,
  percentileInterval,
  quadrantOf,
  type RespondentRow,
} from './priorities';
import { centredRows, correlations, relativeWeights, symmetricEigen } from './relative-weights';

describe('relativeWeights', () => {
  test.each([
    // Uncorrelated predictors: each weight is its squared correlation, 0.36 and 0.09; R² = 0.45.
    { r12: 0, rxy: [0.6, 0.3], weights: [0.36, 0.09], r2: 0.45 },
    // Correlated: R² = (0.36 + 0.09 − 2·0.6·0.3·0.5) / (1 − 0.25) = 0.36, as ordinary least squares gives.
    { r12: 0.5, rxy: [0.6, 0.3], weights: null, r2: 0.36 },
    // Two copies of one predictor share its 0.25 equally (the pseudo-inverse drops the null direction).
    { r12: 1, rxy: [0.5, 0.5], weights: [0.125, 0.125], r2: 0.25 },
  ])('r12 = $r12, rxy = $rxy → R² $r2', ({ r12, rxy, weights, r2 }) => {
    const result = relativeWeights(
      [
        [1, r12],
        [r12, 1],
      ],
      rxy,
    );
    expect(result.r2).toBeCloseTo(r2, 10);
    if (weights) result.weights.forEach((w, i) => expect(w).toBeCloseTo(weights[i]!, 10));
    result.weights.forEach((w) => expect(w).toBeGreaterThanOrEqual(0));
  });

  it('eigen-decomposes a symmetric matrix: A·v = λ·v', () => {
    const a = [
      [4, 1, 2],
      [1, 3, 0],
      [2, 0, 5],
    ];
    const { values, vectors } = symmetricEigen(a);
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < 3; i++) {
        const av = a[i]!.reduce((s, x, j) => s + x * vectors[j]![k]!, 0);
        expect(av).toBeCloseTo(values[k]! * vectors[i]![k]!, 9);
      }
    }
    // The trace is kept: 4 + 3 + 5.
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(12, 9);
  });

  test.each([
    ['a 22 × 22 correlation matrix of random data', 22, 'random'],
    ['the identity (every eigenvalue repeated)', 5, 'identity'],
    ['a 1 × 1 matrix', 1, 'random'],
  ] as const)('eigen-decomposes %s: A·v = λ·v, the vectors orthonormal', (_, p, kind) => {
    const random = seededRandom(9);
    const rows = Array.from({ length: 200 }, () => {
      const common = random();
      return Array.from({ length: p }, () => common + random());
    });
    const mean = (j: number) => rows.reduce((s, r) => s + r[j]!, 0) / rows.length;
    const cov = (j: number, k: number) =>
      rows.reduce((s, r) => s + (r[j]! - mean(j)) * (r[k]! - mean(k)), 0) / rows.length;
    const a = Array.from({ length: p }, (_, j) =>
      Array.from({ length: p }, (_, k) =>
        kind === 'identity' ? (j === k ? 1 : 0) : cov(j, k) / Math.sqrt(cov(j, j) * cov(k, k)),
      ),
    );
    const { values, vectors } = symmetricEigen(a);
    for (let k = 0; k < p; k++) {
      for (let i = 0; i < p; i++) {
        const av = a[i]!.reduce((s, x, j) => s + x * vectors[j]![k]!, 0);
        expect(av).toBeCloseTo(values[k]! * vectors[i]![k]!, 9);
      }
      for (let l = 0; l < p; l++) {
        const dot = vectors.reduce((s, row) => s + row[k]! * row[l]!, 0);
        expect(dot).toBeCloseTo(k === l ? 1 : 0, 9);
      }
    }
    // A correlation matrix's trace is its size.
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(p, 9);
  });
});

test.each([
  [true, true, 'fix_first'],
  [true, false, 'keep_up'],
  [false, true, 'low_priority'],
  [false, false, 'possible_overkill'],
] as const)('important %s, weak %s → %s', (important, weak, quadrant) => {
  expect(quadrantOf(important, weak)).toBe(quadrant);
});

test.each([
  [[], null],
  [[3], 3],
  [[5, 1, 3], 3],
  [[4, 1, 3, 2], 2.5],
])('median(%j) = %s', (values, expected) => {
  expect(median(values)).toBe(expected);
});

it('takes the 2.5th and 97.5th percentiles: of 0..100, 2.5 and 97.5', () => {
  expect(percentileInterval(Array.from({ length: 101 }, (_, i) => i))).toEqual([2.5, 97.5]);
});

/**
 * Six criteria on a 1–5 scale. The two staff criteria are weak (mostly 2–4) and drive the
 * outcome; the four others are strong (mostly 4–5) and drive nothing. A tenth of the answers to
 * the access criteria are skipped.
 */
function generated(
  n: number,
  seed: number,
): { criteria: Parameters<typeof computePriorities>[0]['criteria']; respondents: RespondentRow[] } {
  const random = seededRandom(seed);
  const clamp = (v: number) => Math.max(1, Math.min(5, Math.round(v)));
  const criteria = [
    { question: 'q_access_seats', title: 'Chỗ ngồi', dimension: 'access', index: 88 },
    { question: 'q_access_signs', title: 'Biển chỉ dẫn', dimension: 'access', index: 90 },
    { question: 'q_staff_polite', title: 'Lịch sự', dimension: 'staff', index: 55 },
    { question: 'q_staff_guide', title: 'Hướng dẫn', dimension: 'staff', index: 60 },
    { question: 'q_result_time', title: 'Đúng hẹn', dimension: 'result', index: 92 },
    { question: 'q_result_fees', title: 'Phí', dimension: 'result', index: 86 },
  ];
  const respondents = Array.from({ length: n }, () => {
    const staff = [clamp(3 + 1.2 * (random() * 2 - 1)), clamp(3 + 1.2 * (random() * 2 - 1))];
    const others = [0, 1, 2, 3].map(() => clamp(4.4 + (random() * 2 - 1)));
    const outcome = clamp(0.5 + 0.45 * staff[0]! + 0.45 * staff[1]! + (random() - 0.5));
    const skip = (v: number) => (random() < 0.1 ? null : v);
    return { outcome, values: [skip(others[0]!), skip(others[1]!), staff[0]!, staff[1]!, others[2]!, others[3]!] };
  });
  return { criteria, respondents };
}

describe('computePriorities', () => {
  it('ranks the staff criteria that drive the outcome first and marks them fix_first', () => {
    const { criteria, respondents } = generated(600, 7);
    const result = computePriorities({
      criteria,
      respondents,
      minResponses: 30,
      bootstrap: { resamples: 100, seed: 1 },
    });
    expect(result.method).toBe('johnson_relative_weights');
    expect(result.responses).toBe(600);
    expect(result.r2).toBeGreaterThan(50);
    const ranked = [...result.criteria].sort((a, b) => b.importance! - a.importance!);
    expect(
      ranked
        .slice(0, 2)
        .map((c) => c.question)
        .sort(),
    ).toEqual(['q_staff_guide', 'q_staff_polite']);
    expect(
      result.criteria
        .filter((c) => c.quadrant === 'fix_first')
        .map((c) => c.question)
        .sort(),
    ).toEqual(['q_staff_guide', 'q_staff_polite']);
    // Shares of R² sum to 100 (up to rounding). A driver's interval holds its estimate; a share
    // near 0 may not (a percentile interval of a quantity bounded by 0 sits above it).
    expect(result.criteria.reduce((s, c) => s + c.importance!, 0)).toBeCloseTo(100, 0);
    for (const c of result.criteria.filter((c) => c.dimension === 'staff')) {
      expect(c.importanceCi95![0]).toBeLessThanOrEqual(c.importance!);
      expect(c.importanceCi95![1]).toBeGreaterThanOrEqual(c.importance!);
    }
    // The staff criteria's intervals lie above every other criterion's.
    const staffLow = Math.min(
      ...result.criteria.filter((c) => c.dimension === 'staff').map((c) => c.importanceCi95![0]),
    );
    const othersHigh = Math.max(
      ...result.criteria.filter((c) => c.dimension !== 'staff').map((c) => c.importanceCi95![1]),
    );
    expect(staffLow).toBeGreaterThan(othersHigh);
  });

  it('gives the same figures on every run (fixed seed)', () => {
    const { criteria, respondents } = generated(200, 3);
    const once = computePriorities({ criteria, respondents, minResponses: 30 });
    expect(computePriorities({ criteria, respondents, minResponses: 30 })).toEqual(once);
  });

  test.each([
    { n: 29, suppressed: true },
    { n: 30, suppressed: false },
  ])('with $n respondents and MIN_RESPONSES 30, suppressed: $suppressed', ({ n, suppressed }) => {
    const { criteria, respondents } = generated(n, 11);
    const result = computePriorities({
      criteria,
      respondents,
      minResponses: 30,
      bootstrap: { resamples: 20, seed: 1 },
    });
    expect(result.responses).toBe(n);
    expect(result.r2 === null).toBe(suppressed);
    expect(
      result.criteria.every((c) => (c.importance === null) === suppressed && (c.quadrant === null) === suppressed),
    ).toBe(true);
    expect(result.criteria.map((c) => c.index)).toEqual(criteria.map((c) => c.index));
  });

  it('leaves out respondents who answered no criterion, and gives a suppressed criterion no quadrant', () => {
    const { criteria, respondents } = generated(100, 5);
    const blank = { outcome: 5, values: criteria.map(() => null) };
    const result = computePriorities({
      criteria: criteria.map((c, i) => (i === 0 ? { ...c, index: null } : c)),
      respondents: [...respondents, blank, blank],
      minResponses: 30,
      bootstrap: { resamples: 20, seed: 1 },
    });
    expect(result.responses).toBe(100);
    expect(result.criteria[0]!.importance).not.toBeNull();
    expect(result.criteria[0]!.quadrant).toBeNull();
  });
});

describe('compactRows', () => {
  it('keeps one row per answer pattern, counted, and gives the same correlations as every respondent', () => {
    // Respondents 1, 2 and 4 answered alike (1, 4 → 5); respondent 3 did not.
    const x = [Float64Array.from([1, 1, 2, 1]), Float64Array.from([4, 4, 3, 4])];
    const y = Float64Array.from([5, 5, 3, 5]);
    const { rows, patternOf, counts } = compactRows(x, y);
    expect(rows.n).toBe(2);
    expect([...patternOf]).toEqual([0, 0, 1, 0]);
    expect([...counts]).toEqual([3, 1]);
    const whole = correlations(centredRows(x, y));
    const compact = correlations(rows, counts);
    compact.rxy.forEach((r, j) => expect(r).toBeCloseTo(whole.rxy[j]!, 12));
    compact.rxx.flat().forEach((r, j) => expect(r).toBeCloseTo(whole.rxx.flat()[j]!, 12));
  });

  it('a sample of each respondent twice gives the same importances', () => {
    const { criteria, respondents } = generated(300, 4);
    const once = computePriorities({ criteria, respondents, minResponses: 30, bootstrap: { resamples: 5, seed: 1 } });
    const twice = computePriorities({
      criteria,
      respondents: [...respondents, ...respondents],
      minResponses: 30,
      bootstrap: { resamples: 5, seed: 1 },
    });
    expect(twice.criteria.map((c) => c.importance)).toEqual(once.criteria.map((c) => c.importance));
  });
});

import { describe, expect, test } from 'vitest';

import { benchmarkZ, holmAdjust, twoSidedP, verdicts, verdictsAgainstOwn } from './verdict';

describe('twoSidedP', () => {
  test.each([
    [0, 1],
    [1.96, 0.05],
    [2.576, 0.01],
    [3.291, 0.001],
  ])('z = %d → p ≈ %d', (z, p) => {
    expect(twoSidedP(z)).toBeCloseTo(p, 4);
    expect(twoSidedP(-z)).toBeCloseTo(p, 4);
  });
});

describe('benchmarkZ', () => {
  test('score test against the benchmark', () => {
    // p = 0.90, B = 0.80, n* = 100: (0.10) / √(0.8·0.2/100) = 0.10 / 0.04 = 2.5
    expect(benchmarkZ(90, 100, 80)).toBeCloseTo(2.5, 10);
    expect(benchmarkZ(70, 100, 80)).toBeCloseTo(-2.5, 10);
  });
});

describe('holmAdjust', () => {
  test('step-down: k·p₁, (k − 1)·p₂, … kept monotone, capped at 1', () => {
    // sorted 0.01, 0.02, 0.04, 0.5 with k = 4: 0.04, 0.06, 0.08, 0.5 → back in input order.
    expect(holmAdjust([0.04, 0.01, 0.5, 0.02]).map((p) => Number(p.toFixed(10)))).toEqual([0.08, 0.04, 0.5, 0.06]);
    // monotone: 0.03·3 = 0.09 then 0.031·2 = 0.062 → held at 0.09.
    expect(holmAdjust([0.03, 0.031, 0.9]).map((p) => Number(p.toFixed(10)))).toEqual([0.09, 0.09, 0.9]);
  });
});

describe('verdicts', () => {
  test('a row is named only when the corrected test says so', () => {
    // n* = 400 each, B = 80 (SE under B: √(0.16/400) = 0.02):
    // 86 → z = 3 (p 0.0027, ×3 = 0.008: above); 75 → z = −2.5 (p 0.0124, ×2 = 0.025: below);
    // 81 → z = 0.5 (within).
    const out = verdicts(
      [
        { index: 86, effectiveN: 400 },
        { index: 81, effectiveN: 400 },
        { index: 75, effectiveN: 400 },
      ],
      80,
    );
    expect(out.map((v) => v.verdict)).toEqual(['above', 'within', 'below']);
  });

  test('significant alone, not after correcting for many rows', () => {
    // z = −2.1 alone: p = 0.036 < 0.05; with 5 rows Holm needs 0.036 × 5 = 0.18: within.
    const row = { index: 80 - 2.1 * 2, effectiveN: 400 };
    expect(verdicts([row], 80)[0]!.verdict).toBe('below');
    const many = [row, ...Array.from({ length: 4 }, () => ({ index: 80, effectiveN: 400 }))];
    expect(verdicts(many, 80)[0]!.verdict).toBe('within');
  });
});

describe('verdictsAgainstOwn', () => {
  test('each row against its own benchmark, Holm across those tested; a row without one stays out', () => {
    // √(0.8·0.2/400) = 0.02: 86 vs 80 is z = 3 (p 0.0027); 86 vs 90 (√(0.09/400) = 0.015) is z = −2.67
    // (p 0.0077). Holm over two: 0.0054 and 0.0077, both below 0.05.
    const out = verdictsAgainstOwn([
      { index: 86, effectiveN: 400, benchmark: 80 },
      { index: 86, effectiveN: 400, benchmark: 90 },
      { index: 50, effectiveN: 400, benchmark: null },
    ]);
    expect(out.map((v) => v.verdict)).toEqual(['above', 'below', 'within']);
    expect(out[2]!.p).toBe(1);
  });

  test('the same as verdicts when every row has the one benchmark', () => {
    const rows = [
      { index: 85, effectiveN: 400 },
      { index: 79, effectiveN: 100 },
    ];
    expect(verdictsAgainstOwn(rows.map((r) => ({ ...r, benchmark: 80 })))).toEqual(verdicts(rows, 80));
  });
});

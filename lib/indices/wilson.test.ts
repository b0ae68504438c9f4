import { describe, expect, test } from 'vitest';
import { round2 } from './round';
import { wilsonInterval } from './wilson';

describe('wilsonInterval', () => {
  // References: Newcombe (1998), "Two-sided confidence intervals for the single proportion",
  // Statistics in Medicine 17:857–872, Table I, method 3 (score interval without correction).
  // By hand for 81/263: p = 0.30798, z² = 3.8416, denominator = 1 + 3.8416/263 = 1.014607,
  // centre = (0.30798 + 3.8416/526)/1.014607 = 0.315283/1.014607 = 0.310744,
  // half = 1.96·√(0.30798·0.69202/263 + 3.8416/(4·263²))/1.014607 = 1.96·√0.00082425/1.014607
  //      = 0.055462 → [25.53, 36.62].
  test.each([
    { k: 81, n: 263, low: 25.53, high: 36.62 },
    { k: 15, n: 148, low: 6.24, high: 16.05 },
    { k: 0, n: 20, low: 0, high: 16.11 },
    { k: 1, n: 29, low: 0.61, high: 17.18 },
    // All satisfied: the naive interval would be [100, 100]; Wilson keeps a lower bound.
    { k: 30, n: 30, low: 88.65, high: 100 },
  ])('$k of $n → [$low, $high]', ({ k, n, low, high }) => {
    const interval = wilsonInterval(k, n);
    expect(interval).not.toBeNull();
    expect(interval?.map(round2)).toEqual([low, high]);
  });

  test('is null when there are no answers', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  test('stays inside [0, 100] at the extremes', () => {
    // Floating point could put the bound at −1e-15 or 100.0000000001; it is clamped.
    for (const n of [1, 7, 1000, 123457]) {
      const none = wilsonInterval(0, n);
      const all = wilsonInterval(n, n);
      expect(none?.[0]).toBe(0);
      expect(all?.[1]).toBe(100);
    }
  });

  test.each([
    { k: 5, n: 4 },
    { k: -1, n: 4 },
    { k: Number.NaN, n: 4 },
  ])('rejects k=$k, n=$n', ({ k, n }) => {
    expect(() => wilsonInterval(k, n)).toThrow(RangeError);
  });
});

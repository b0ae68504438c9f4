import { expect, test } from 'vitest';
import { proportionChange } from './change';

test.each([
  // 120/200 = 60 % vs 100/200 = 50 %: pooled p = 220/400 = 0.55,
  // SE = √(0.55·0.45·(1/200 + 1/200)) = √0.002475 = 0.04975, z = 0.10/0.04975 = 2.01 > 1.96.
  { current: { k: 120, n: 200 }, previous: { k: 100, n: 200 }, delta: 10, z: 2.01, significant: true },
  // The same fall: symmetric.
  { current: { k: 100, n: 200 }, previous: { k: 120, n: 200 }, delta: -10, z: -2.01, significant: true },
  // Either side of the line: 58 vs 44 of 100: pooled 0.51, SE = √(0.51·0.49·0.02) = 0.0707,
  // z = 0.14/0.0707 = 1.98 → significant; 57 vs 44: pooled 0.505, SE = 0.0707, z = 0.13/0.0707 = 1.84 → not.
  { current: { k: 58, n: 100 }, previous: { k: 44, n: 100 }, delta: 14, z: 1.98, significant: true },
  { current: { k: 57, n: 100 }, previous: { k: 44, n: 100 }, delta: 13, z: 1.84, significant: false },
  // Unequal sizes: 81/263 = 30.80 % vs 70/250 = 28.00 %: pooled 151/513 = 0.2943,
  // SE = √(0.2943·0.7057·(1/263 + 1/250)) = 0.04026, z = 0.02798/0.04026 = 0.70 → not.
  { current: { k: 81, n: 263 }, previous: { k: 70, n: 250 }, delta: 2.8, z: 0.7, significant: false },
  // Both periods 100 %: no variance, no difference.
  { current: { k: 50, n: 50 }, previous: { k: 40, n: 40 }, delta: 0, z: 0, significant: false },
])(
  '$current.k/$current.n vs $previous.k/$previous.n → Δ $delta pp, z $z',
  ({ current, previous, delta, z, significant }) => {
    expect(proportionChange({ current, previous })).toEqual({ delta, z, significant });
  },
);

test.each([
  { current: { k: 0, n: 0 }, previous: { k: 5, n: 10 } },
  { current: { k: 5, n: 10 }, previous: { k: 0, n: 0 } },
])('is null when a period has no answers', ({ current, previous }) => {
  expect(proportionChange({ current, previous })).toBeNull();
});

test.each([
  { n: 29, isNull: true },
  { n: 30, isNull: false },
])('with minResponses 30, a period of n = $n → null: $isNull', ({ n, isNull }) => {
  const change = proportionChange({ current: { k: n, n }, previous: { k: 30, n: 30 }, minResponses: 30 });
  expect(change === null).toBe(isNull);
});

test('rejects k > n', () => {
  expect(() => proportionChange({ current: { k: 3, n: 2 }, previous: { k: 1, n: 2 } })).toThrow(RangeError);
});

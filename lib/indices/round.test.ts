import { expect, test } from 'vitest';
import { round2 } from './round';

test.each([
  // The double nearest 80.045 is 80.04499…; a reader expects 80.05.
  { value: 80.045, rounded: 80.05 },
  { value: 1.005, rounded: 1.01 },
  { value: 39.585, rounded: 39.59 },
  { value: 200 / 3, rounded: 66.67 },
  { value: 100 / 3, rounded: 33.33 },
  // Half away from zero, so a fall reads like the matching rise.
  { value: -2.345, rounded: -2.35 },
  { value: 1e-7, rounded: 0 },
  { value: 100, rounded: 100 },
])('round2($value) = $rounded', ({ value, rounded }) => {
  expect(round2(value)).toBe(rounded);
});

test('never returns -0', () => {
  expect(Object.is(round2(-0.001), 0)).toBe(true);
});

import type { Interval } from './types';

/**
 * Rounds half away from zero to 2 decimals, on the decimal the reader sees: 80.045 → 80.05 even
 * though the double nearest 80.045 is 80.04499…, which `Math.round(x * 100) / 100` would round
 * down. Used only when building output, never on a value that is averaged afterwards.
 */
export function round2(value: number): number {
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  // Exponent notation (1e-7, 1e21) cannot take the `e2` shift; plain scaling is exact enough there.
  const scaled = text.includes('e') ? Math.round(magnitude * 100) : Math.round(Number(`${text}e2`));
  const rounded = scaled / 100;
  // Avoid -0 in JSON-bound output (it prints as 0 but fails Object.is checks downstream).
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

export function round2Interval(interval: Interval): Interval {
  return [round2(interval[0]), round2(interval[1])];
}

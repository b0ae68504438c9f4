import type { Interval } from './types';

/** Two-sided 95 % normal quantile, as docs/domain.md prescribes (statistics). */
export const Z_95 = 1.96;

/**
 * Wilson score interval for k successes out of n, in percent and unrounded.
 *
 * Wilson rather than the textbook p ± z·√(p(1−p)/n): the latter collapses to [100, 100] when
 * every answer is satisfied and leaves [0, 100] at small n, which is exactly where dashboards
 * need an honest width. Returns null when n = 0 (no proportion exists).
 */
export function wilsonInterval(k: number, n: number, z: number = Z_95): Interval | null {
  if (!Number.isFinite(k) || !Number.isFinite(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`wilsonInterval: need 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  }
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // Clamp: at k = 0 or k = n the bound is exactly 0 or 1 in theory but may drift by 1e-17.
  const low = Math.max(0, centre - halfWidth);
  const high = Math.min(1, centre + halfWidth);
  return [low * 100, high * 100];
}

// A sliding-window rate limit (two fixed windows, weighted), the approximation most API gateways
// use: two counters per client and no burst of 2x at a window edge. The counters live in the
// database (db/queries/rate-limits.ts) so that every instance behind a load balancer counts the
// same requests; this file only decides.

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateRule = { limit: number; windowMs: number };

export const windowOf = (now: number, windowMs: number): number => Math.floor(now / windowMs);

/**
 * Whether the hit that made the current window's count `current` (this hit included) is within
 * `limit`, given the previous window's count. A refused hit still counts: a client that keeps
 * knocking stays refused.
 */
export function rateDecision(
  { limit, windowMs }: RateRule,
  now: number,
  previous: number,
  current: number,
): RateDecision {
  if (limit <= 0) return { allowed: true };
  const elapsed = (now % windowMs) / windowMs;
  const before = previous * (1 - elapsed) + (current - 1);
  if (before < limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - elapsed) * windowMs) / 1000)) };
}

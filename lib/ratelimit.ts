// A sliding-window rate limiter (two fixed windows, weighted), the approximation most API
// gateways use: O(1) memory per client and no burst of 2x at a window edge.

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Counter = { window: number; current: number; previous: number };

export type RateLimiter = {
  hit(key: string, now: number): RateDecision;
  readonly size: number;
};

export function createRateLimiter({
  limit,
  windowMs = 60_000,
  maxKeys = 100_000,
}: {
  limit: number;
  windowMs?: number;
  maxKeys?: number;
}): RateLimiter {
  const counters = new Map<string, Counter>();

  function prune(window: number) {
    for (const [key, c] of counters) if (c.window < window - 1) counters.delete(key);
  }

  return {
    get size() {
      return counters.size;
    },
    hit(key, now) {
      if (limit <= 0) return { allowed: true };
      const window = Math.floor(now / windowMs);
      let c = counters.get(key);
      if (!c) {
        if (counters.size >= maxKeys) prune(window);
        c = { window, current: 0, previous: 0 };
        counters.set(key, c);
      } else if (c.window !== window) {
        c.previous = c.window === window - 1 ? c.current : 0;
        c.current = 0;
        c.window = window;
      }
      const elapsed = (now % windowMs) / windowMs;
      const estimate = c.previous * (1 - elapsed) + c.current;
      if (estimate >= limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil(((1 - elapsed) * windowMs) / 1000));
        return { allowed: false, retryAfterSeconds };
      }
      c.current += 1;
      return { allowed: true };
    },
  };
}

import { rateDecision, windowOf, type RateDecision, type RateRule } from '@/lib/ratelimit';

import type { Queryable } from '@/db/index';
import { addRateHits, type RateScope } from '@/db/queries/rate-limits';

// How often an instance adds its hits to the shared counters and reads everyone's back.
const FLUSH_MS = 200;

type Entry = { window: number; shared: number; local: number; previous: number };

/**
 * A rate limit decided in memory and shared through the database in batches: a request costs no
 * database write of its own (the hot path of POST /api/responses). Each instance counts its hits
 * per client and window, and at most every FLUSH_MS adds them to the shared counters of
 * db/queries/rate-limits.ts in one statement, learning the totals of every instance. An
 * instance learns other instances' hits on a client with its own next flush of that client, so
 * a client spreading requests over several instances can pass the limit by what those
 * instances accept within about one flush interval.
 */
export class SharedRateLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, { key: string; window: number; count: number }>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly scope: RateScope,
    private readonly flushMs = FLUSH_MS,
  ) {}

  /** Counts one request of `key` (a refused one counts too) and decides. */
  hit(key: string, rule: RateRule, now: number): RateDecision {
    if (rule.limit <= 0) return { allowed: true };
    const window = windowOf(now, rule.windowMs);
    let entry = this.entries.get(key);
    if (!entry || entry.window !== window) {
      const previous = entry && entry.window === window - 1 ? entry.shared + entry.local : 0;
      this.entries.set(key, (entry = { window, shared: 0, local: 0, previous }));
    }
    entry.local += 1;
    const id = `${key}\u0000${window}`;
    const hits = this.pending.get(id);
    if (hits) hits.count += 1;
    else this.pending.set(id, { key, window, count: 1 });
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
    this.timer.unref?.();
    return rateDecision(rule, now, entry.previous, entry.shared + entry.local);
  }

  /** Adds the hits counted since the last flush to the shared counters and reads the totals. */
  flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const hits = [...this.pending.values()];
    const flushed = new Map(this.pending);
    this.pending.clear();
    try {
      for (const row of await addRateHits(this.db, this.scope, hits)) {
        const entry = this.entries.get(row.key);
        if (!entry || entry.window !== row.window) continue;
        const mine = flushed.get(`${row.key}\u0000${row.window}`)?.count ?? 0;
        entry.local -= mine;
        entry.shared = row.count;
        entry.previous = Math.max(entry.previous, row.previous);
      }
    } catch (err) {
      // The hits stay counted here; the shared counters miss them (a database outage).
      console.error('Hài Lòng: rate-limit counters not shared:', err instanceof Error ? err.message : err);
    }
    const newest = Math.max(0, ...hits.map((h) => h.window));
    for (const [key, entry] of this.entries) if (entry.window < newest - 1) this.entries.delete(key);
  }
}

const limiters = new WeakMap<Queryable, Map<RateScope, SharedRateLimiter>>();

/** The process's limiter of `scope` on this connection. */
export function sharedRateLimiter(db: Queryable, scope: RateScope): SharedRateLimiter {
  let byScope = limiters.get(db);
  if (!byScope) limiters.set(db, (byScope = new Map()));
  let limiter = byScope.get(scope);
  if (!limiter) byScope.set(scope, (limiter = new SharedRateLimiter(db, scope)));
  return limiter;
}

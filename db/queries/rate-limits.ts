import { and, eq, inArray, lt, sql } from 'drizzle-orm';

import { rateDecision, windowOf, type RateDecision, type RateRule } from '@/lib/ratelimit';

import { first, type Queryable } from '../index';
import { rateLimits } from '../schema';

/** What is being limited: each has its own counters. */
export type RateScope = 'responses' | 'login' | 'login_pair' | 'login_client' | 'kiosk_pin' | 'burst';

/**
 * Counts one request of `key` in the shared counters and decides. One upsert (atomic on both
 * engines, so two instances never lose a hit) and one read of the previous window.
 */
export async function hitRateLimit(
  db: Queryable,
  scope: RateScope,
  key: string,
  rule: RateRule,
  now: number,
): Promise<RateDecision> {
  if (rule.limit <= 0) return { allowed: true };
  const window = windowOf(now, rule.windowMs);
  const [current = { count: 1 }] = await db
    .insert(rateLimits)
    .values({ scope, key, window, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.scope, rateLimits.key, rateLimits.window],
      // Qualified: PostgreSQL would find a bare `count` ambiguous (the row or excluded).
      set: { count: sql`${sql.identifier('rate_limits')}.${sql.identifier('count')} + 1` },
    })
    .returning({ count: rateLimits.count });
  const previous = first(
    await db
      .select({ count: rateLimits.count })
      .from(rateLimits)
      .where(and(eq(rateLimits.scope, scope), eq(rateLimits.key, key), eq(rateLimits.window, window - 1))),
  );
  return rateDecision(rule, now, previous?.count ?? 0, current.count);
}

async function countsOf(db: Queryable, scope: RateScope, key: string, window: number): Promise<number> {
  return (
    first(
      await db
        .select({ count: rateLimits.count })
        .from(rateLimits)
        .where(and(eq(rateLimits.scope, scope), eq(rateLimits.key, key), eq(rateLimits.window, window))),
    )?.count ?? 0
  );
}

/** The decision one more hit of `key` would get, without counting it (to count only failures). */
export async function peekRateLimit(
  db: Queryable,
  scope: RateScope,
  key: string,
  rule: RateRule,
  now: number,
): Promise<RateDecision> {
  if (rule.limit <= 0) return { allowed: true };
  const window = windowOf(now, rule.windowMs);
  const [current, previous] = await Promise.all([
    countsOf(db, scope, key, window),
    countsOf(db, scope, key, window - 1),
  ]);
  return rateDecision(rule, now, previous, current + 1);
}

/**
 * Drops counters of windows that can no longer weigh on a decision. Window numbers depend on the
 * window's length, so each length prunes only its own scopes (all of them when none are named).
 */
export async function pruneRateLimits(
  db: Queryable,
  { now, windowMs = 60_000, scopes }: { now: number; windowMs?: number; scopes?: readonly RateScope[] },
): Promise<number> {
  const old = lt(rateLimits.window, windowOf(now, windowMs) - 1);
  const rows = await db
    .delete(rateLimits)
    .where(scopes ? and(old, inArray(rateLimits.scope, [...scopes])) : old)
    .returning({ key: rateLimits.key });
  return rows.length;
}

export type RateHits = { key: string; window: number; count: number };

/**
 * Adds many clients' hits to the shared counters in one statement and returns, for each key,
 * the counts every instance has stored for its window and for the window before.
 */
export async function addRateHits(
  db: Queryable,
  scope: RateScope,
  hits: readonly RateHits[],
): Promise<{ key: string; window: number; count: number; previous: number }[]> {
  if (hits.length === 0) return [];
  const rows = await db
    .insert(rateLimits)
    .values(hits.map((h) => ({ scope, key: h.key, window: h.window, count: h.count })))
    .onConflictDoUpdate({
      target: [rateLimits.scope, rateLimits.key, rateLimits.window],
      set: {
        count: sql`${sql.identifier('rate_limits')}.${sql.identifier('count')} + excluded.${sql.identifier('count')}`,
      },
    })
    .returning({ key: rateLimits.key, window: rateLimits.window, count: rateLimits.count });
  const before = await db
    .select({ key: rateLimits.key, window: rateLimits.window, count: rateLimits.count })
    .from(rateLimits)
    .where(
      and(
        eq(rateLimits.scope, scope),
        inArray(rateLimits.key, [...new Set(hits.map((h) => h.key))]),
        inArray(rateLimits.window, [...new Set(hits.map((h) => h.window - 1))]),
      ),
    );
  const previous = new Map(before.map((r) => [`${r.key}\u0000${r.window + 1}`, r.count]));
  return rows.map((r) => ({ ...r, previous: previous.get(`${r.key}\u0000${r.window}`) ?? 0 }));
}

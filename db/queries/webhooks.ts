import { randomUUID } from 'node:crypto';

import { and, asc, desc, eq, lte } from 'drizzle-orm';

import type { Db, Queryable } from '../index';
import { webhookDeliveries } from '../schema';

/** Queues one delivery; call inside the transaction of the event so both land or neither. */
export function enqueueWebhook(db: Queryable, { event, url, payload, now }: { event: string; url: string; payload: unknown; now: number }): string {
  const id = randomUUID();
  db.insert(webhookDeliveries)
    .values({ id, event, url, payload: JSON.stringify({ id, event, at: new Date(now).toISOString(), data: payload }), nextAttemptAt: now, createdAt: now })
    .run();
  return id;
}

export function dueDeliveries(db: Db, { now, limit = 20 }: { now: number; limit?: number }) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit)
    .all();
}

export function recordDeliveryAttempt(
  db: Db,
  { id, outcome, statusCode, error, now, nextAttemptAt }: { id: string; outcome: 'delivered' | 'retry' | 'failed'; statusCode: number | null; error: string | null; now: number; nextAttemptAt: number },
): void {
  const current = db.select({ attempts: webhookDeliveries.attempts }).from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get();
  if (!current) return;
  db.update(webhookDeliveries)
    .set({
      attempts: current.attempts + 1,
      status: outcome === 'retry' ? 'pending' : outcome,
      lastStatusCode: statusCode,
      lastError: error,
      nextAttemptAt,
      deliveredAt: outcome === 'delivered' ? now : null,
    })
    .where(eq(webhookDeliveries.id, id))
    .run();
}

/** The delivery log, newest first. */
export function listDeliveries(db: Db, { limit = 50 }: { limit?: number } = {}) {
  return db.select().from(webhookDeliveries).orderBy(desc(webhookDeliveries.createdAt)).limit(limit).all();
}

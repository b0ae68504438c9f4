import { randomUUID } from 'node:crypto';

import { and, asc, desc, eq, lte } from 'drizzle-orm';

import { first, type Queryable } from '../index';
import { webhookDeliveries } from '../schema';

/** Queues one delivery; call inside the transaction of the event so both land or neither. */
export async function enqueueWebhook(db: Queryable, { event, url, payload, now }: { event: string; url: string; payload: unknown; now: number }): Promise<string> {
  const id = randomUUID();
  await db
    .insert(webhookDeliveries)
    .values({ id, event, url, payload: JSON.stringify({ id, event, at: new Date(now).toISOString(), data: payload }), nextAttemptAt: now, createdAt: now });
  return id;
}

export async function dueDeliveries(db: Queryable, { now, limit = 20 }: { now: number; limit?: number }) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit);
}

export async function recordDeliveryAttempt(
  db: Queryable,
  { id, outcome, statusCode, error, now, nextAttemptAt }: { id: string; outcome: 'delivered' | 'retry' | 'failed'; statusCode: number | null; error: string | null; now: number; nextAttemptAt: number },
): Promise<void> {
  const current = first(await db.select({ attempts: webhookDeliveries.attempts }).from(webhookDeliveries).where(eq(webhookDeliveries.id, id)));
  if (!current) return;
  await db
    .update(webhookDeliveries)
    .set({
      attempts: current.attempts + 1,
      status: outcome === 'retry' ? 'pending' : outcome,
      lastStatusCode: statusCode,
      lastError: error,
      nextAttemptAt,
      deliveredAt: outcome === 'delivered' ? now : null,
    })
    .where(eq(webhookDeliveries.id, id));
}

/** The delivery log, newest first. */
export async function listDeliveries(db: Queryable, { limit = 50 }: { limit?: number } = {}) {
  return db.select().from(webhookDeliveries).orderBy(desc(webhookDeliveries.createdAt)).limit(limit);
}

import { randomUUID } from 'node:crypto';

import { and, asc, desc, eq, lte } from 'drizzle-orm';

import { first, type Queryable } from '../index';
import { webhookDeliveries } from '../schema';

/** Queues one delivery; call inside the transaction of the event so both land or neither. */
export async function enqueueWebhook(
  db: Queryable,
  { event, url, payload, now }: { event: string; url: string; payload: unknown; now: number },
): Promise<string> {
  const id = randomUUID();
  await db.insert(webhookDeliveries).values({
    id,
    event,
    url,
    payload: JSON.stringify({ id, event, at: new Date(now).toISOString(), data: payload }),
    nextAttemptAt: now,
    createdAt: now,
  });
  return id;
}

/** How long a claimed delivery is left to its instance before another may try it (> the 10 s send timeout). */
export const DELIVERY_LEASE_MS = 60_000;

/**
 * Claims the due deliveries for this sender: each row is moved forward by a lease with a
 * conditional update, so when several instances run the sender at once every delivery goes to
 * exactly one of them. A sender that dies mid-send leaves the row to be retried after the lease.
 */
export async function claimDueDeliveries(db: Queryable, { now, limit = 20 }: { now: number; limit?: number }) {
  const due = await db
    .select({ id: webhookDeliveries.id, nextAttemptAt: webhookDeliveries.nextAttemptAt })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit);
  const claimed = [];
  for (const d of due) {
    const [row] = await db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: now + DELIVERY_LEASE_MS })
      .where(
        and(
          eq(webhookDeliveries.id, d.id),
          eq(webhookDeliveries.status, 'pending'),
          eq(webhookDeliveries.nextAttemptAt, d.nextAttemptAt),
        ),
      )
      .returning();
    if (row) claimed.push(row);
  }
  return claimed;
}

export async function recordDeliveryAttempt(
  db: Queryable,
  {
    id,
    outcome,
    statusCode,
    error,
    now,
    nextAttemptAt,
  }: {
    id: string;
    outcome: 'delivered' | 'retry' | 'failed';
    statusCode: number | null;
    error: string | null;
    now: number;
    nextAttemptAt: number;
  },
): Promise<void> {
  const current = first(
    await db
      .select({ attempts: webhookDeliveries.attempts })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, id)),
  );
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

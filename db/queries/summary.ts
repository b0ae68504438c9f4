import { and, asc, eq, sql } from 'drizzle-orm';

import { rawRun, withTransaction, type Queryable } from '../index';
import { summaryRecipients, summarySends } from '../schema';
import { appendAudit, type AuditActor } from './audit';

export type SummaryRecipient = {
  id: number;
  email: string;
  unitId: number | null;
  monthly: boolean;
  quarterly: boolean;
};

export async function listSummaryRecipients(db: Queryable): Promise<SummaryRecipient[]> {
  return db
    .select({
      id: summaryRecipients.id,
      email: summaryRecipients.email,
      unitId: summaryRecipients.unitId,
      monthly: summaryRecipients.monthly,
      quarterly: summaryRecipients.quarterly,
    })
    .from(summaryRecipients)
    .where(eq(summaryRecipients.active, true))
    .orderBy(asc(summaryRecipients.id));
}

/** Adds a recipient (the department's summary when `unitId` is null, else that unit's subtree), audited. */
export async function addSummaryRecipient(
  db: Queryable,
  r: { email: string; unitId: number | null; monthly: boolean; quarterly: boolean },
  actor: AuditActor,
  now = Date.now(),
): Promise<number> {
  return withTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(summaryRecipients)
      .values({ ...r, active: true, createdAt: now })
      .returning({ id: summaryRecipients.id });
    await appendAudit(
      tx,
      {
        by: actor,
        action: 'summary.recipient.add',
        entity: 'summary_recipient',
        entityId: row!.id,
        after: r,
      },
      now,
    );
    return row!.id;
  });
}

export async function removeSummaryRecipient(
  db: Queryable,
  id: number,
  actor: AuditActor,
  now = Date.now(),
): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const changed = await tx
      .update(summaryRecipients)
      .set({ active: false })
      .where(and(eq(summaryRecipients.id, id), eq(summaryRecipients.active, true)))
      .returning({ id: summaryRecipients.id });
    if (changed.length === 0) return false;
    await appendAudit(
      tx,
      {
        by: actor,
        action: 'summary.recipient.remove',
        entity: 'summary_recipient',
        entityId: id,
      },
      now,
    );
    return true;
  });
}

/**
 * Claims the sending of `period` to a recipient: true for the one caller (instance, run) that
 * inserted the row, so a summary goes out once even with several instances.
 */
export async function claimSummarySend(
  db: Queryable,
  { recipientId, period, now }: { recipientId: number; period: string; now: number },
): Promise<boolean> {
  const rows = await db
    .insert(summarySends)
    .values({ recipientId, period, sentAt: now })
    .onConflictDoNothing()
    .returning({ id: summarySends.recipientId });
  return rows.length > 0;
}

/** Gives a claim back after a failed delivery, so the next run tries again. */
export async function releaseSummarySend(
  db: Queryable,
  { recipientId, period }: { recipientId: number; period: string },
): Promise<void> {
  await rawRun(
    db,
    sql`DELETE FROM ${summarySends} WHERE ${summarySends.recipientId} = ${recipientId} AND ${summarySends.period} = ${period}`,
  );
}

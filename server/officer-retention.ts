import { withTransaction, type Db } from '@/db';
import { appendAudit, SYSTEM_ACTOR } from '@/db/queries/audit';
import { clearOfficerLinks } from '@/db/queries/officers';

const DAY_MS = 86_400_000;

/**
 * Erases the officer link of responses older than OFFICER_LINK_RETENTION_DAYS (the answers and
 * every other figure stay); run hourly whatever OFFICER_RATINGS says, so links made while it was
 * on still expire. Each erasure that touched rows is audited.
 */
export async function eraseExpiredOfficerLinks(
  db: Db,
  { now, retentionDays }: { now: number; retentionDays: number },
): Promise<number> {
  const before = now - retentionDays * DAY_MS;
  return withTransaction(db, async (tx) => {
    const n = await clearOfficerLinks(tx, { before });
    if (n > 0)
      await appendAudit(
        tx,
        {
          by: SYSTEM_ACTOR,
          action: 'officer.links.erase',
          entity: 'responses',
          after: { responses: n, completedBefore: new Date(before).toISOString() },
        },
        now,
      );
    return n;
  });
}

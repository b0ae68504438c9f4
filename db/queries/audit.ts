import { and, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';

import type { Db, Queryable } from '../index';
import { auditLog } from '../schema';

export type AuditEntry = {
  actorUserId: number | null;
  actor: string;
  action: string;
  entity?: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
};

/** Appends one entry; pass the transaction of the change it records so both land or neither. */
export function appendAudit(db: Queryable, entry: AuditEntry, now = Date.now()): void {
  db.insert(auditLog)
    .values({
      at: now,
      actorUserId: entry.actorUserId,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity ?? null,
      entityId: entry.entityId === undefined ? null : String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}

export function listAudit(
  db: Db,
  { action, actor, from, to, limit = 100, offset = 0 }: { action?: string; actor?: string; from?: number; to?: number; limit?: number; offset?: number },
) {
  const where: SQL[] = [];
  if (action) where.push(like(auditLog.action, `${action}%`));
  if (actor) where.push(eq(auditLog.actor, actor));
  if (from !== undefined) where.push(gte(auditLog.at, from));
  if (to !== undefined) where.push(lte(auditLog.at, to));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(Math.min(limit, 500))
    .offset(offset)
    .all();
}

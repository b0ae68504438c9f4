import { and, count, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';

import type { Db, Queryable } from '../index';
import { auditLog } from '../schema';

/** Who made a change: a signed-in user, or the CLI (userId null). */
export type AuditActor = { userId: number | null; label: string };

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
  return db
    .select()
    .from(auditLog)
    .where(auditWhere({ action, actor, from, to }))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(Math.min(limit, 500))
    .offset(offset)
    .all();
}

function auditWhere({ action, actor, from, to }: { action?: string; actor?: string; from?: number; to?: number }) {
  const where: SQL[] = [];
  if (action) where.push(like(auditLog.action, `${action}%`));
  if (actor) where.push(eq(auditLog.actor, actor));
  if (from !== undefined) where.push(gte(auditLog.at, from));
  if (to !== undefined) where.push(lte(auditLog.at, to));
  return and(...where);
}

/** How many entries match the same filters as listAudit, for paging. */
export function countAudit(db: Db, filters: { action?: string; actor?: string; from?: number; to?: number }): number {
  return db.select({ n: count() }).from(auditLog).where(auditWhere(filters)).get()!.n;
}

/** The distinct actors and action names seen, for the filter pickers. */
export function auditFacets(db: Db): { actors: string[]; actions: string[] } {
  return {
    actors: db.selectDistinct({ v: auditLog.actor }).from(auditLog).orderBy(auditLog.actor).limit(500).all().map((r) => r.v),
    actions: db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action).all().map((r) => r.v),
  };
}

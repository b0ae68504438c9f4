import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';

import { first, type Db, type Queryable } from '../index';
import { auditLog } from '../schema';

/** Who made a change: a signed-in user, or the CLI (userId null). */
export type AuditActor = { userId: number | null; label: string };

/** The server's own jobs (erasures, scheduled mail) as the audit log names them. */
export const SYSTEM_ACTOR: AuditActor = { userId: null, label: 'system' };

export type AuditEntry = {
  by: AuditActor;
  action: string;
  entity?: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
};

/** Appends one entry; pass the transaction of the change it records so both land or neither. */
export async function appendAudit(db: Queryable, entry: AuditEntry, now = Date.now()): Promise<void> {
  auditWrites.__hailongAuditWrites = localAuditWrites() + 1;
  await db.insert(auditLog).values({
    at: now,
    actorUserId: entry.by.userId,
    actor: entry.by.label,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId === undefined ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}

export async function listAudit(
  db: Queryable,
  {
    action,
    actor,
    from,
    to,
    limit = 100,
    offset = 0,
  }: { action?: string; actor?: string; from?: number; to?: number; limit?: number; offset?: number },
) {
  return db
    .select()
    .from(auditLog)
    .where(auditWhere({ action, actor, from, to }))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(Math.min(limit, 500))
    .offset(offset);
}

function auditWhere({ action, actor, from, to }: { action?: string; actor?: string; from?: number; to?: number }) {
  const where: SQL[] = [];
  if (action) where.push(sql`lower(${auditLog.action}) LIKE lower(${`${action}%`})`);
  if (actor) where.push(eq(auditLog.actor, actor));
  if (from !== undefined) where.push(gte(auditLog.at, from));
  if (to !== undefined) where.push(lte(auditLog.at, to));
  return and(...where);
}

/** How many entries match the same filters as listAudit, for paging. */
export async function countAudit(
  db: Queryable,
  filters: { action?: string; actor?: string; from?: number; to?: number },
): Promise<number> {
  return first(await db.select({ n: count() }).from(auditLog).where(auditWhere(filters)))!.n;
}

/** The distinct actors and action names seen, for the filter pickers. */
export async function auditFacets(db: Db): Promise<{ actors: string[]; actions: string[] }> {
  const actors = await db.selectDistinct({ v: auditLog.actor }).from(auditLog).orderBy(auditLog.actor).limit(500);
  const actions = await db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return { actors: actors.map((r) => r.v), actions: actions.map((r) => r.v) };
}

const auditWrites = globalThis as unknown as { __hailongAuditWrites?: number };

/**
 * How many audit entries this process has appended (whether or not their transaction committed):
 * a cache of what the audited changes touch compares it, so a change made here is seen at once.
 * On globalThis because the direct ingest route and Next's bundles load this module separately.
 */
export function localAuditWrites(): number {
  return auditWrites.__hailongAuditWrites ?? 0;
}

/** The newest audit entry's id: any instance's audited change since a read moves it. */
export async function latestAuditId(db: Queryable): Promise<number> {
  const [row] = await db.select({ id: sql<number | null>`max(${auditLog.id})` }).from(auditLog);
  return Number(row?.id ?? 0);
}

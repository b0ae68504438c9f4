import { and, asc, count, eq, inArray, isNotNull, lt, lte, notInArray, sql, type SQL } from 'drizzle-orm';

import type { CaseReason } from '@/lib/cases/rules';
import { checkTransition, isClosed, type CaseStatus, type TransitionCheck } from '@/lib/cases/status';

import { first, withTransaction, type Queryable } from '../index';
import { caseContacts, caseNotes, cases, responses, servicePoints, units, users } from '../schema';
import { appendAudit, SYSTEM_ACTOR, type AuditActor } from './audit';
import { fail, type Failure } from '@/lib/result';

export async function insertCase(
  db: Queryable,
  c: {
    code: string;
    responseId: string;
    unitId: number;
    pointId: number;
    reasons: readonly CaseReason[];
    openedAt: number;
    dueAt: number;
  },
): Promise<void> {
  await db.insert(cases).values({ ...c, reasons: c.reasons.join(','), status: 'new', updatedAt: c.openedAt });
}

export async function caseCodeOfResponse(db: Queryable, responseId: string): Promise<string | null> {
  return first(await db.select({ code: cases.code }).from(cases).where(eq(cases.responseId, responseId)))?.code ?? null;
}

/** What anyone holding the code may see on /tra-cuu: status and the agency's reply, nothing personal. */
export async function findPublicCase(db: Queryable, code: string) {
  return first(
    await db
      .select({
        code: cases.code,
        status: cases.status,
        openedAt: cases.openedAt,
        dueAt: cases.dueAt,
        closedAt: cases.closedAt,
        publicReply: cases.publicReply,
        unitName: units.name,
        unitNameEn: units.nameEn,
      })
      .from(cases)
      .innerJoin(units, eq(units.id, cases.unitId))
      .where(eq(cases.code, code)),
  );
}

export type CaseFilter = {
  /** null = every unit (admin, leader) */
  unitIds: ReadonlySet<number> | null;
  status?: CaseStatus | 'open';
  overdueAt?: number;
  limit?: number;
  offset?: number;
};

function whereOf(f: CaseFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.unitIds) where.push(inArray(cases.unitId, [...f.unitIds]));
  if (f.status === 'open') where.push(notInArray(cases.status, ['resolved', 'dismissed']));
  else if (f.status) where.push(eq(cases.status, f.status));
  if (f.overdueAt !== undefined) {
    where.push(notInArray(cases.status, ['resolved', 'dismissed']), lte(cases.dueAt, f.overdueAt));
  }
  return where.length ? and(...where) : undefined;
}

// What the queue and a case's page both show of a case.
const caseColumns = {
  code: cases.code,
  status: cases.status,
  reasons: cases.reasons,
  openedAt: cases.openedAt,
  dueAt: cases.dueAt,
  closedAt: cases.closedAt,
  unitName: units.name,
};

/** The queue: open cases first, soonest due first; then the closed ones, latest first. */
export async function listCases(db: Queryable, f: CaseFilter) {
  const where = whereOf(f);
  const rows = await db
    .select({
      ...caseColumns,
      pointName: servicePoints.name,
      assignee: users.displayName,
      assigneeUsername: users.username,
    })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .innerJoin(servicePoints, eq(servicePoints.id, cases.pointId))
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(where)
    .orderBy(
      sql`CASE WHEN ${cases.status} IN ('resolved','dismissed') THEN 1 ELSE 0 END`,
      asc(cases.dueAt),
      sql`${cases.closedAt} DESC NULLS LAST`,
    )
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0);
  const total = first(await db.select({ n: count() }).from(cases).where(where))!.n;
  return { rows, total };
}

export async function findCase(db: Queryable, code: string) {
  const row = first(
    await db
      .select({
        id: cases.id,
        ...caseColumns,
        publicReply: cases.publicReply,
        assigneeId: cases.assigneeId,
        unitId: cases.unitId,
        pointCode: servicePoints.code,
        pointName: servicePoints.name,
        answers: responses.answers,
        channel: responses.channel,
        surveyVersionId: responses.surveyVersionId,
      })
      .from(cases)
      .innerJoin(units, eq(units.id, cases.unitId))
      .innerJoin(servicePoints, eq(servicePoints.id, cases.pointId))
      .innerJoin(responses, eq(responses.id, cases.responseId))
      .where(eq(cases.code, code)),
  );
  if (!row) return null;
  const notes = await db
    .select()
    .from(caseNotes)
    .where(eq(caseNotes.caseId, row.id))
    .orderBy(asc(caseNotes.at), asc(caseNotes.id));
  const contact = first(await db.select().from(caseContacts).where(eq(caseContacts.caseId, row.id)));
  return { ...row, notes, contact };
}

export type CaseChange = TransitionCheck | Failure<'not_found'>;

/** Status change (with the public reply when closing), audited with before → after. */
export async function changeCaseStatus(
  db: Queryable,
  { code, to, publicReply, now }: { code: string; to: CaseStatus; publicReply?: string; now: number },
  actor: AuditActor,
): Promise<CaseChange> {
  return withTransaction(db, async (tx): Promise<CaseChange> => {
    const current = first(await tx.select().from(cases).where(eq(cases.code, code)));
    if (!current) return fail('not_found', `Không có phản ánh ${code}. / No case ${code}.`, 'case');
    const reply = publicReply?.trim() || current.publicReply;
    const check = checkTransition(current.status, to, reply);
    if (!check.ok) return check;
    const closedAt = isClosed(to) ? (isClosed(current.status) ? current.closedAt : now) : null;
    await tx
      .update(cases)
      .set({ status: to, publicReply: reply ?? null, closedAt, updatedAt: now })
      .where(eq(cases.id, current.id));
    await appendAudit(
      tx,
      {
        by: actor,
        action: 'case.status',
        entity: 'case',
        entityId: code,
        before: { status: current.status, publicReply: current.publicReply },
        after: { status: to, publicReply: reply ?? null },
      },
      now,
    );
    return { ok: true } as const;
  });
}

export async function assignCase(
  db: Queryable,
  { code, assigneeId, now }: { code: string; assigneeId: number | null; now: number },
  actor: AuditActor,
): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const current = first(
      await tx.select({ id: cases.id, assigneeId: cases.assigneeId }).from(cases).where(eq(cases.code, code)),
    );
    if (!current) return false;
    await tx.update(cases).set({ assigneeId, updatedAt: now }).where(eq(cases.id, current.id));
    await appendAudit(
      tx,
      {
        by: actor,
        action: 'case.assign',
        entity: 'case',
        entityId: code,
        before: { assigneeId: current.assigneeId },
        after: { assigneeId },
      },
      now,
    );
    return true;
  });
}

export async function addCaseNote(
  db: Queryable,
  { code, body, now }: { code: string; body: string; now: number },
  actor: AuditActor,
): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const current = first(await tx.select({ id: cases.id }).from(cases).where(eq(cases.code, code)));
    if (!current) return false;
    await tx
      .insert(caseNotes)
      .values({ caseId: current.id, authorId: actor.userId, author: actor.label, body, at: now });
    await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, current.id));
    await appendAudit(tx, { by: actor, action: 'case.note', entity: 'case', entityId: code }, now);
    return true;
  });
}

/** Users who may be given a case of this unit: managers of it (or an ancestor) and admins. */
export async function listAssignees(db: Queryable, { unitIds }: { unitIds: ReadonlySet<number> }) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
    })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['manager', 'admin'])))
    .orderBy(asc(users.id));
  return rows.filter((u) => u.role === 'admin' || (u.unitId !== null && unitIds.has(u.unitId)));
}

export type ContactInput = { name?: string; phone?: string; email?: string; consentText: string };

/**
 * Stores a consented contact for the case of `responseId`, once. The response's id is the
 * capability: only the device that sent the answers knows it.
 */
export async function saveCaseContact(
  db: Queryable,
  { responseId, contact, now }: { responseId: string; contact: ContactInput; now: number },
): Promise<'saved' | 'no_case' | 'exists' | 'closed'> {
  const c = first(
    await db.select({ id: cases.id, status: cases.status }).from(cases).where(eq(cases.responseId, responseId)),
  );
  if (!c) return 'no_case';
  // Nobody will call back on a handled case, and its contact's erasure clock has already started.
  if (isClosed(c.status)) return 'closed';
  const saved = await db
    .insert(caseContacts)
    .values({
      caseId: c.id,
      name: contact.name ?? null,
      phone: contact.phone ?? null,
      email: contact.email ?? null,
      consentText: contact.consentText,
      consentedAt: now,
    })
    .onConflictDoNothing()
    .returning({ caseId: caseContacts.caseId });
  return saved.length > 0 ? 'saved' : 'exists';
}

/** Deletes contacts of cases closed more than `retentionDays` ago; each erasure is audited. */
export async function eraseExpiredContacts(
  db: Queryable,
  { now, retentionDays }: { now: number; retentionDays: number },
): Promise<number> {
  const cutoff = now - retentionDays * 86_400_000;
  return withTransaction(db, async (tx) => {
    const expired = await tx
      .select({ caseId: cases.id, code: cases.code })
      .from(caseContacts)
      .innerJoin(cases, eq(cases.id, caseContacts.caseId))
      .where(
        and(isNotNull(cases.closedAt), lt(cases.closedAt, cutoff), inArray(cases.status, ['resolved', 'dismissed'])),
      );
    for (const e of expired) {
      await tx.delete(caseContacts).where(eq(caseContacts.caseId, e.caseId));
      await appendAudit(
        tx,
        {
          by: SYSTEM_ACTOR,
          action: 'contact.erase',
          entity: 'case',
          entityId: e.code,
          after: { reason: `closed more than ${retentionDays} days ago` },
        },
        now,
      );
    }
    return expired.length;
  });
}

/**
 * Decision 766 measures per unit for a period of opening: received, closed on time, overdue now,
 * and `due`: those closed or past their due date, the base of the on-time rate.
 */
export async function caseStatsByUnit(
  db: Queryable,
  { unitIds, from, to, now }: { unitIds: ReadonlySet<number> | null; from: number; to: number; now: number },
) {
  const where: SQL[] = [sql`${cases.openedAt} >= ${from}`, sql`${cases.openedAt} < ${to}`];
  if (unitIds) where.push(inArray(cases.unitId, [...unitIds]));
  return db
    .select({
      unitId: cases.unitId,
      unitName: units.name,
      received: count(),
      closed: sql<number>`sum(CASE WHEN ${cases.closedAt} IS NOT NULL THEN 1 ELSE 0 END)`,
      closedOnTime: sql<number>`sum(CASE WHEN ${cases.closedAt} IS NOT NULL AND ${cases.closedAt} <= ${cases.dueAt} THEN 1 ELSE 0 END)`,
      overdue: sql<number>`sum(CASE WHEN ${cases.status} IN ('new','in_progress') AND ${cases.dueAt} <= ${now} THEN 1 ELSE 0 END)`,
      // Cases whose due time has passed, and those of them closed by it: a case not yet due is
      // neither on time nor late.
      due: sql<number>`sum(CASE WHEN ${cases.dueAt} <= ${now} THEN 1 ELSE 0 END)`,
      dueClosedOnTime: sql<number>`sum(CASE WHEN ${cases.dueAt} <= ${now} AND ${cases.closedAt} IS NOT NULL AND ${cases.closedAt} <= ${cases.dueAt} THEN 1 ELSE 0 END)`,
    })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .where(and(...where))
    .groupBy(cases.unitId, units.name)
    .orderBy(asc(units.name));
}

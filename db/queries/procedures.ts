import { and, asc, count, eq, or, sql } from 'drizzle-orm';

import type { Db, Queryable } from '../index';
import { appendAudit, type AuditActor } from './audit';
import { pointProcedures, procedures } from '../schema';

export type ProcedureRef = { id: number; code: string; name: string };

function prepareFindProcedure(db: Db) {
  return db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name })
    .from(procedures)
    .where(and(eq(procedures.code, sql.placeholder('code')), eq(procedures.active, true)))
    .prepare();
}

const findProcedureStatements = new WeakMap<Db, ReturnType<typeof prepareFindProcedure>>();

/** An active procedure of the catalogue; on the ingest path, so prepared once per connection. */
export function findProcedureByCode(db: Db, { code }: { code: string }): ProcedureRef | null {
  let stmt = findProcedureStatements.get(db);
  if (!stmt) findProcedureStatements.set(db, (stmt = prepareFindProcedure(db)));
  return stmt.get({ code }) ?? null;
}

/** The procedures handled at one desk, as listed at its reception counter. */
export function listPointProcedures(db: Db, { pointId }: { pointId: number }): ProcedureRef[] {
  return db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name })
    .from(pointProcedures)
    .innerJoin(procedures, eq(procedures.id, pointProcedures.procedureId))
    .where(and(eq(pointProcedures.pointId, pointId), eq(procedures.active, true)))
    .orderBy(asc(procedures.code))
    .all();
}

export type ProcedureRecord = { id: number; code: string; name: string; sector: string | null; level: string | null; active: boolean };

const recordColumns = { id: procedures.id, code: procedures.code, name: procedures.name, sector: procedures.sector, level: procedures.level, active: procedures.active };

/** One page of the catalogue, optionally filtered by a code or name fragment, with the total. */
export function searchProcedures(db: Queryable, { q, limit, offset }: { q: string; limit: number; offset: number }) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = q ? or(sql`${procedures.code} LIKE ${pattern} ESCAPE '\\'`, sql`${procedures.name} LIKE ${pattern} ESCAPE '\\'`) : undefined;
  const rows = db.select(recordColumns).from(procedures).where(where).orderBy(asc(procedures.code)).limit(limit).offset(offset).all();
  const total = db.select({ n: count() }).from(procedures).where(where).get()!.n;
  return { rows, total };
}

export function findProcedureRecord(db: Queryable, where: { id: number } | { code: string }): ProcedureRecord | null {
  const cond = 'id' in where ? eq(procedures.id, where.id) : eq(procedures.code, where.code);
  return db.select(recordColumns).from(procedures).where(cond).get() ?? null;
}

type ProcedureFields = { name: string; sector?: string; level?: string };
const fieldsOf = (p: ProcedureFields) => ({ name: p.name, sector: p.sector ?? null, level: p.level ?? null });

export type ProcedureChange = { ok: true; procedure: ProcedureRecord } | { ok: false; field: string; reason: 'not_found' | 'duplicate' };

export function createProcedure(db: Db, input: ProcedureFields & { code: string }, actor: AuditActor): ProcedureChange {
  return db.transaction((tx) => {
    if (findProcedureRecord(tx, { code: input.code })) return { ok: false, field: 'code', reason: 'duplicate' };
    const procedure = tx.insert(procedures).values({ code: input.code, ...fieldsOf(input) }).returning(recordColumns).get();
    appendAudit(tx, { actorUserId: actor.userId, actor: actor.label, action: 'procedure.create', entity: 'procedure', entityId: procedure.id, after: procedure });
    return { ok: true, procedure };
  });
}

export function updateProcedure(db: Db, { id, active, ...input }: ProcedureFields & { id: number; active: boolean }, actor: AuditActor): ProcedureChange {
  return db.transaction((tx) => {
    const before = findProcedureRecord(tx, { id });
    if (!before) return { ok: false, field: 'id', reason: 'not_found' };
    const procedure = tx.update(procedures).set({ ...fieldsOf(input), active }).where(eq(procedures.id, id)).returning(recordColumns).get();
    auditDiff(tx, actor, 'procedure.update', before, procedure);
    return { ok: true, procedure };
  });
}

/** Appends "field: before → after" for the fields that differ; nothing when nothing changed. */
function auditDiff(tx: Queryable, actor: AuditActor, action: string, before: ProcedureRecord, after: ProcedureRecord): boolean {
  const keys = (Object.keys(after) as (keyof ProcedureRecord)[]).filter((k) => before[k] !== after[k]);
  if (keys.length === 0) return false;
  appendAudit(tx, {
    actorUserId: actor.userId,
    actor: actor.label,
    action,
    entity: 'procedure',
    entityId: after.id,
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  });
  return true;
}

/**
 * Imports validated catalogue rows in one transaction: a new code is added, a known code gets
 * the row's name, sector and level (and is reactivated). Each change is audited on its own.
 */
export function importProcedures(db: Db, rows: readonly (ProcedureFields & { code: string })[], actor: AuditActor) {
  return db.transaction((tx) => {
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      const before = findProcedureRecord(tx, { code: row.code });
      if (!before) {
        const procedure = tx.insert(procedures).values({ code: row.code, ...fieldsOf(row) }).returning(recordColumns).get();
        appendAudit(tx, { actorUserId: actor.userId, actor: actor.label, action: 'procedure.import.create', entity: 'procedure', entityId: procedure.id, after: procedure });
        created++;
      } else {
        const after = tx.update(procedures).set({ ...fieldsOf(row), active: true }).where(eq(procedures.id, before.id)).returning(recordColumns).get();
        if (auditDiff(tx, actor, 'procedure.import.update', before, after)) updated++;
      }
    }
    return { created, updated, unchanged: rows.length - created - updated };
  });
}

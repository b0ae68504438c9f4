import { and, asc, count, eq, or, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

import { first, withTransaction, type Db, type Queryable } from '../index';
import { appendAudit, type AuditActor } from './audit';
import { bareRecord } from '../../lib/procedures/record';
import { localDay } from '../../lib/time/local';
import { pointProcedures, procedures, procedureVersions } from '../schema';
import { latestVersion } from './procedure-versions';
import { refuse, type Failure } from '@/lib/result';

/** A procedure as pickers, labels and the ingest path name it. */
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
export async function findProcedureByCode(db: Db, { code }: { code: string }): Promise<ProcedureRef | null> {
  let stmt = findProcedureStatements.get(db);
  if (!stmt) findProcedureStatements.set(db, (stmt = prepareFindProcedure(db)));
  return first(await stmt.execute({ code }));
}

function prepareFindOffered(db: Db) {
  return db
    .select({ id: procedures.id, offeredAt: pointProcedures.pointId })
    .from(procedures)
    .leftJoin(
      pointProcedures,
      and(eq(pointProcedures.procedureId, procedures.id), eq(pointProcedures.pointId, sql.placeholder('pointId'))),
    )
    .where(and(eq(procedures.code, sql.placeholder('code')), eq(procedures.active, true)))
    .prepare();
}

const findOfferedStatements = new WeakMap<Db, ReturnType<typeof prepareFindOffered>>();

/** An active procedure of the catalogue and whether this desk handles it (ingest path: prepared). */
export async function findProcedureAtPoint(
  db: Db,
  { code, pointId }: { code: string; pointId: number },
): Promise<{ id: number; offered: boolean } | null> {
  let stmt = findOfferedStatements.get(db);
  if (!stmt) findOfferedStatements.set(db, (stmt = prepareFindOffered(db)));
  const row = first(await stmt.execute({ code, pointId }));
  return row ? { id: row.id, offered: row.offeredAt !== null } : null;
}

/** The procedures handled at one desk, as listed at its reception counter. */
export async function listPointProcedures(db: Queryable, { pointId }: { pointId: number }): Promise<ProcedureRef[]> {
  return db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name })
    .from(pointProcedures)
    .innerJoin(procedures, eq(procedures.id, pointProcedures.procedureId))
    .where(and(eq(pointProcedures.pointId, pointId), eq(procedures.active, true)))
    .orderBy(asc(procedures.code));
}

/** A catalogue row as the admin pages list it; its full text lives in procedure_versions. */
export type ProcedureEntry = {
  id: number;
  code: string;
  name: string;
  sector: string | null;
  level: string | null;
  active: boolean;
};

const recordColumns = {
  id: procedures.id,
  code: procedures.code,
  name: procedures.name,
  sector: procedures.sector,
  level: procedures.level,
  active: procedures.active,
};

/** One page of the catalogue, optionally filtered by a code or name fragment, with the total. */
export async function searchProcedures(
  db: Queryable,
  { q, limit, offset }: { q: string; limit: number; offset: number },
) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not (for ASCII).
  const matches = (column: SQLiteColumn) => sql`lower(${column}) LIKE lower(${pattern}) ESCAPE '\\'`;
  const where = q ? or(matches(procedures.code), matches(procedures.name)) : undefined;
  const rows = await db
    .select(recordColumns)
    .from(procedures)
    .where(where)
    .orderBy(asc(procedures.code))
    .limit(limit)
    .offset(offset);
  const total = first(await db.select({ n: count() }).from(procedures).where(where))!.n;
  return { rows, total };
}

export async function findProcedureEntry(
  db: Queryable,
  where: { id: number } | { code: string },
): Promise<ProcedureEntry | null> {
  const cond = 'id' in where ? eq(procedures.id, where.id) : eq(procedures.code, where.code);
  return first(await db.select(recordColumns).from(procedures).where(cond));
}

type ProcedureFields = { name: string; sector?: string; level?: string };
const fieldsOf = (p: ProcedureFields) => ({ name: p.name, sector: p.sector ?? null, level: p.level ?? null });

export type ProcedureChange = { ok: true; procedure: ProcedureEntry } | Failure<'not_found' | 'duplicate'>;

export async function createProcedure(
  db: Queryable,
  input: ProcedureFields & { code: string },
  actor: AuditActor,
): Promise<ProcedureChange> {
  return withTransaction(db, async (tx): Promise<ProcedureChange> => {
    if (await findProcedureEntry(tx, { code: input.code })) return refuse('duplicate', 'code');
    const procedure = first(
      await tx
        .insert(procedures)
        .values({ code: input.code, ...fieldsOf(input) })
        .returning(recordColumns),
    )!;
    await tx.insert(procedureVersions).values({
      procedureId: procedure.id,
      version: 1,
      effectiveFrom: localDay(Date.now()),
      record: JSON.stringify(bareRecord(procedure)),
    });
    await appendAudit(tx, {
      by: actor,
      action: 'procedure.create',
      entity: 'procedure',
      entityId: procedure.id,
      after: procedure,
    });
    return { ok: true, procedure };
  });
}

export async function updateProcedure(
  db: Queryable,
  { id, active, ...input }: ProcedureFields & { id: number; active: boolean },
  actor: AuditActor,
): Promise<ProcedureChange> {
  return withTransaction(db, async (tx): Promise<ProcedureChange> => {
    const before = await findProcedureEntry(tx, { id });
    if (!before) return refuse('not_found', 'id');
    const procedure = first(
      await tx
        .update(procedures)
        .set({ ...fieldsOf(input), active })
        .where(eq(procedures.id, id))
        .returning(recordColumns),
    )!;
    // A new name, sector or level is a new version of the record; the old text stays.
    const latest = await latestVersion(tx, before);
    const record = {
      ...(latest?.record ?? bareRecord(before)),
      name: procedure.name,
      sector: procedure.sector,
      level: procedure.level,
    };
    if (!latest || JSON.stringify(record) !== JSON.stringify(latest.record)) {
      await tx.insert(procedureVersions).values({
        procedureId: id,
        version: (latest?.version ?? 0) + 1,
        effectiveFrom: localDay(Date.now()),
        illustrative: latest?.illustrative ?? false,
        record: JSON.stringify(record),
      });
    }
    await auditDiff(tx, actor, 'procedure.update', before, procedure);
    return { ok: true, procedure };
  });
}

/** Appends "field: before → after" for the fields that differ; nothing when nothing changed. */
async function auditDiff(
  tx: Queryable,
  actor: AuditActor,
  action: string,
  before: ProcedureEntry,
  after: ProcedureEntry,
): Promise<boolean> {
  const keys = (Object.keys(after) as (keyof ProcedureEntry)[]).filter((k) => before[k] !== after[k]);
  if (keys.length === 0) return false;
  await appendAudit(tx, {
    by: actor,
    action,
    entity: 'procedure',
    entityId: after.id,
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  });
  return true;
}

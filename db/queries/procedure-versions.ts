import { and, asc, desc, eq, inArray } from 'drizzle-orm';

import type { ProcedureImportRow } from '../../lib/procedures/columns';
import { bareRecord, readRecord, type ProcedureRecord } from '../../lib/procedures/record';
import { first, withTransaction, type Queryable } from '../index';
import { pointProcedures, procedures, procedureVersions, servicePoints } from '../schema';
import { appendAudit, type AuditActor } from './audit';
import { fail, refuse, type Failure } from '@/lib/result';

// The procedures' full records, versioned: a change inserts a new version and keeps the old one,
// each with the local day it takes effect. The procedures row carries the latest name, sector and
// level for the pickers, labels and rankings.

/** A version of a procedure's record as the public pages and the kiosk show it. */
export type ProcedureVersion = {
  version: number;
  effectiveFrom: string;
  illustrative: boolean;
  record: ProcedureRecord;
};

/** A procedure of the published catalogue: the version in effect and the desks that handle it. */
export type PublishedProcedure = ProcedureVersion & { id: number; points: string[] };

type ProcedureRow = { id: number; code: string; name: string; sector: string | null; level: string | null };

const toVersion = (
  p: ProcedureRow,
  v: { version: number; effectiveFrom: string; illustrative: boolean; record: string },
): ProcedureVersion => ({
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  illustrative: v.illustrative,
  record: readRecord(v.record, p),
});

const unversioned = (p: ProcedureRow): ProcedureVersion => ({
  version: 0,
  effectiveFrom: '',
  illustrative: false,
  record: bareRecord(p),
});

/**
 * Every active procedure with the version in effect on `today` (the latest one whose day has
 * come; a procedure whose only versions lie ahead shows its first), and its desks' codes, ordered
 * by code. The catalogue is small (hundreds of rows), so it is read whole and cached by callers.
 */
export async function listPublishedProcedures(
  db: Queryable,
  { today }: { today: string },
): Promise<PublishedProcedure[]> {
  const rows = await db
    .select({
      id: procedures.id,
      code: procedures.code,
      name: procedures.name,
      sector: procedures.sector,
      level: procedures.level,
    })
    .from(procedures)
    .where(eq(procedures.active, true))
    .orderBy(asc(procedures.code));
  const versions = await db
    .select({
      procedureId: procedureVersions.procedureId,
      version: procedureVersions.version,
      effectiveFrom: procedureVersions.effectiveFrom,
      illustrative: procedureVersions.illustrative,
      record: procedureVersions.record,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(eq(procedures.active, true))
    .orderBy(asc(procedureVersions.procedureId), asc(procedureVersions.version));
  const links = await db
    .select({ procedureId: pointProcedures.procedureId, point: servicePoints.code })
    .from(pointProcedures)
    .innerJoin(servicePoints, eq(servicePoints.id, pointProcedures.pointId))
    .where(eq(servicePoints.active, true))
    .orderBy(asc(servicePoints.code));
  const inEffect = new Map<number, (typeof versions)[number]>();
  for (const v of versions) {
    // In version order: the first one holds until a later one whose day has come replaces it.
    if (!inEffect.has(v.procedureId) || v.effectiveFrom <= today) inEffect.set(v.procedureId, v);
  }
  const pointsOf = new Map<number, string[]>();
  for (const l of links)
    (pointsOf.get(l.procedureId) ?? pointsOf.set(l.procedureId, []).get(l.procedureId)!).push(l.point);
  return rows.map((p) => {
    const v = inEffect.get(p.id);
    return { id: p.id, points: pointsOf.get(p.id) ?? [], ...(v ? toVersion(p, v) : unversioned(p)) };
  });
}

/** Every version of one procedure, newest first (the admin page's history). */
export async function listProcedureVersions(
  db: Queryable,
  { procedureId }: { procedureId: number },
): Promise<ProcedureVersion[]> {
  const p = first(
    await db
      .select({
        id: procedures.id,
        code: procedures.code,
        name: procedures.name,
        sector: procedures.sector,
        level: procedures.level,
      })
      .from(procedures)
      .where(eq(procedures.id, procedureId)),
  );
  if (!p) return [];
  const versions = await db
    .select()
    .from(procedureVersions)
    .where(eq(procedureVersions.procedureId, procedureId))
    .orderBy(desc(procedureVersions.version));
  return versions.map((v) => toVersion(p, v));
}

export async function latestVersion(tx: Queryable, p: ProcedureRow): Promise<ProcedureVersion | null> {
  const v = first(
    await tx
      .select()
      .from(procedureVersions)
      .where(eq(procedureVersions.procedureId, p.id))
      .orderBy(desc(procedureVersions.version))
      .limit(1),
  );
  return v ? toVersion(p, v) : null;
}

const sameVersion = (a: ProcedureVersion, b: ProcedureImportRow) =>
  a.effectiveFrom === b.effectiveFrom &&
  a.illustrative === b.illustrative &&
  JSON.stringify(a.record) === JSON.stringify(b.record);

/** The record's fields that differ, before and after, for the audit log. */
function recordDiff(before: ProcedureRecord, after: ProcedureRecord) {
  const keys = (Object.keys(after) as (keyof ProcedureRecord)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

/**
 * Stores a new version of a procedure's record (and creates the procedure when its code is new),
 * unless the latest version already says the same. Returns what happened.
 */
export async function saveProcedureVersion(
  tx: Queryable,
  row: ProcedureImportRow,
  actor: AuditActor,
  action: string,
): Promise<'created' | 'updated' | 'unchanged' | 'reactivated'> {
  const { record } = row;
  const columns = { name: record.name, sector: record.sector, level: record.level };
  const existing = first(await tx.select().from(procedures).where(eq(procedures.code, record.code)));
  const values = { effectiveFrom: row.effectiveFrom, illustrative: row.illustrative, record: JSON.stringify(record) };
  if (!existing) {
    const p = first(
      await tx
        .insert(procedures)
        .values({ code: record.code, ...columns })
        .returning({ id: procedures.id }),
    )!;
    await tx.insert(procedureVersions).values({ procedureId: p.id, version: 1, ...values });
    await appendAudit(tx, {
      by: actor,
      action: `${action}.create`,
      entity: 'procedure',
      entityId: p.id,
      after: { ...record, effectiveFrom: row.effectiveFrom },
    });
    return 'created';
  }
  const latest = await latestVersion(tx, existing);
  if (latest && sameVersion(latest, row)) {
    if (existing.active) return 'unchanged';
    await tx.update(procedures).set({ active: true }).where(eq(procedures.id, existing.id));
    await appendAudit(tx, {
      by: actor,
      action: `${action}.update`,
      entity: 'procedure',
      entityId: existing.id,
      before: { active: false },
      after: { active: true },
    });
    return 'reactivated';
  }
  await tx
    .insert(procedureVersions)
    .values({ procedureId: existing.id, version: (latest?.version ?? 0) + 1, ...values });
  await tx
    .update(procedures)
    .set({ ...columns, active: true })
    .where(eq(procedures.id, existing.id));
  const diff = recordDiff(latest?.record ?? bareRecord(existing), record);
  if (latest?.effectiveFrom !== row.effectiveFrom)
    Object.assign(diff, {
      before: { ...diff.before, effectiveFrom: latest?.effectiveFrom ?? null },
      after: { ...diff.after, effectiveFrom: row.effectiveFrom },
    });
  if (!existing.active)
    Object.assign(diff, { before: { ...diff.before, active: false }, after: { ...diff.after, active: true } });
  await appendAudit(tx, {
    by: actor,
    action: `${action}.update`,
    entity: 'procedure',
    entityId: existing.id,
    ...diff,
  });
  return 'updated';
}

export type CatalogueReplaced = { created: number; updated: number; unchanged: number; deactivated: number };

/**
 * The file is the catalogue: in one transaction every row becomes a procedure's latest version
 * (new codes added, changed records versioned, inactive ones reactivated) and every active
 * procedure missing from the file is deactivated. A deactivated procedure keeps its rows and its
 * answers; it is only no longer offered. Each change is audited on its own.
 */
export async function replaceCatalogue(
  db: Queryable,
  rows: readonly ProcedureImportRow[],
  actor: AuditActor,
): Promise<CatalogueReplaced> {
  return withTransaction(db, async (tx) => {
    const tally: CatalogueReplaced = { created: 0, updated: 0, unchanged: 0, deactivated: 0 };
    for (const row of rows) {
      const outcome = await saveProcedureVersion(tx, row, actor, 'procedure.import');
      tally[outcome === 'reactivated' ? 'updated' : outcome]++;
    }
    const kept = new Set(rows.map((r) => r.record.code));
    const gone = (
      await tx.select({ id: procedures.id, code: procedures.code }).from(procedures).where(eq(procedures.active, true))
    ).filter((p) => !kept.has(p.code));
    for (const p of gone) {
      await tx.update(procedures).set({ active: false }).where(eq(procedures.id, p.id));
      await appendAudit(tx, {
        by: actor,
        action: 'procedure.import.deactivate',
        entity: 'procedure',
        entityId: p.id,
        before: { active: true },
        after: { active: false },
      });
    }
    tally.deactivated = gone.length;
    return tally;
  });
}

/** The active catalogue with each procedure's latest version, as the export writes it. */
export async function listCatalogueForExport(db: Queryable): Promise<ProcedureImportRow[]> {
  const rows = await db.select().from(procedures).where(eq(procedures.active, true)).orderBy(asc(procedures.code));
  const out: ProcedureImportRow[] = [];
  for (const p of rows) {
    const v = (await latestVersion(db, p)) ?? unversioned(p);
    out.push({ record: v.record, effectiveFrom: v.effectiveFrom, illustrative: v.illustrative });
  }
  return out;
}

export type PointProceduresChange = { ok: true; codes: string[] } | (Failure<'not_found'> & { unknown?: string[] });

/** Sets the procedures handled at a desk to exactly `codes` (active catalogue codes), audited. */
export async function setPointProcedures(
  db: Queryable,
  { point, codes }: { point: string; codes: readonly string[] },
  actor: AuditActor,
): Promise<PointProceduresChange> {
  return withTransaction(db, async (tx): Promise<PointProceduresChange> => {
    const desk = first(
      await tx.select({ id: servicePoints.id }).from(servicePoints).where(eq(servicePoints.code, point)),
    );
    if (!desk) return refuse('not_found', 'point');
    const found =
      codes.length === 0
        ? []
        : await tx
            .select({ id: procedures.id, code: procedures.code })
            .from(procedures)
            .where(and(inArray(procedures.code, [...codes]), eq(procedures.active, true)));
    const unknown = codes.filter((c) => !found.some((f) => f.code === c));
    if (unknown.length > 0)
      return { ...fail('not_found', `unknown procedure codes: ${unknown.join(', ')}`, 'codes'), unknown };
    const before = (
      await tx
        .select({ code: procedures.code })
        .from(pointProcedures)
        .innerJoin(procedures, eq(procedures.id, pointProcedures.procedureId))
        .where(eq(pointProcedures.pointId, desk.id))
        .orderBy(asc(procedures.code))
    ).map((r) => r.code);
    const after = found.map((f) => f.code).sort();
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true, codes: after };
    await tx.delete(pointProcedures).where(eq(pointProcedures.pointId, desk.id));
    if (found.length > 0)
      await tx.insert(pointProcedures).values(found.map((f) => ({ pointId: desk.id, procedureId: f.id })));
    await appendAudit(tx, {
      by: actor,
      action: 'point.procedures',
      entity: 'point',
      entityId: desk.id,
      before: { procedures: before },
      after: { procedures: after },
    });
    return { ok: true, codes: after };
  });
}

import { asc, eq } from 'drizzle-orm';

import { createsCycle } from '@/lib/admin/units';

import { first, withTransaction, type Queryable } from '../index';
import { appendAudit, type AuditActor } from './audit';
import { units } from '../schema';
import { refuse, type Failure } from '@/lib/result';

/** Every unit id in the subtree rooted at `unitId` (itself included). */
export async function unitSubtreeIds(db: Queryable, unitId: number): Promise<Set<number>> {
  const all = await db.select({ id: units.id, parentId: units.parentId }).from(units);
  const children = new Map<number, number[]>();
  for (const u of all) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const out = new Set<number>();
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** The unit and every unit above it: whose managers may take a case of this unit. */
export async function unitAncestors(db: Queryable, unitId: number): Promise<Set<number>> {
  const all = await db.select({ id: units.id, parentId: units.parentId }).from(units);
  const parent = new Map(all.map((u) => [u.id, u.parentId]));
  const out = new Set<number>();
  for (let id: number | null | undefined = unitId; id != null && !out.has(id); id = parent.get(id)) out.add(id);
  return out;
}

export type UnitRow = {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  parentId: number | null;
  active: boolean;
};

const unitColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  nameEn: units.nameEn,
  parentId: units.parentId,
  active: units.active,
};

export async function listUnits(db: Queryable): Promise<UnitRow[]> {
  return db.select(unitColumns).from(units).orderBy(asc(units.code));
}

export async function findUnitById(db: Queryable, id: number): Promise<UnitRow | null> {
  return first(await db.select(unitColumns).from(units).where(eq(units.id, id)));
}

export async function findUnitByCode(db: Queryable, code: string): Promise<UnitRow | null> {
  return first(await db.select(unitColumns).from(units).where(eq(units.code, code)));
}

export type UnitChange = { ok: true; unit: UnitRow } | Failure<'not_found' | 'duplicate' | 'cycle' | 'parent_missing'>;

export async function createUnit(
  db: Queryable,
  input: { code: string; name: string; nameEn?: string; parentId: number | null },
  actor: AuditActor,
): Promise<UnitChange> {
  return withTransaction(db, async (tx): Promise<UnitChange> => {
    if (await findUnitByCode(tx, input.code)) return refuse('duplicate', 'code');
    if (input.parentId !== null && !(await findUnitById(tx, input.parentId)))
      return refuse('parent_missing', 'parentId');
    const unit = first(
      await tx
        .insert(units)
        .values({ code: input.code, name: input.name, nameEn: input.nameEn ?? null, parentId: input.parentId })
        .returning(unitColumns),
    )!;
    await appendAudit(tx, {
      by: actor,
      action: 'unit.create',
      entity: 'unit',
      entityId: unit.id,
      after: unit,
    });
    return { ok: true, unit };
  });
}

/** Renames, moves or (de)activates one unit, refusing a move that would put it under itself. */
export async function updateUnit(
  db: Queryable,
  { id, ...change }: { id: number; name?: string; nameEn?: string | null; parentId?: number | null; active?: boolean },
  actor: AuditActor,
): Promise<UnitChange> {
  return withTransaction(db, async (tx): Promise<UnitChange> => {
    const before = await findUnitById(tx, id);
    if (!before) return refuse('not_found', 'id');
    if (change.parentId !== undefined && change.parentId !== null) {
      if (!(await findUnitById(tx, change.parentId))) return refuse('parent_missing', 'parentId');
      const parents = new Map((await listUnits(tx)).map((u) => [u.id, u.parentId]));
      if (createsCycle(parents, id, change.parentId)) return refuse('cycle', 'parentId');
    }
    const action =
      change.parentId !== undefined
        ? 'unit.move'
        : change.active !== undefined
          ? change.active
            ? 'unit.activate'
            : 'unit.deactivate'
          : 'unit.rename';
    const unit = first(await tx.update(units).set(change).where(eq(units.id, id)).returning(unitColumns))!;
    await appendAudit(tx, {
      by: actor,
      action,
      entity: 'unit',
      entityId: id,
      before: pick(before, change),
      after: pick(unit, change),
    });
    return { ok: true, unit };
  });
}

/** Only the fields a change touched, so the audit entry reads as "name: A → B". */
export function pick<T extends object>(row: T, change: object): Partial<T> {
  return Object.fromEntries(Object.keys(change).map((k) => [k, (row as Record<string, unknown>)[k]])) as Partial<T>;
}

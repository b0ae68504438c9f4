import { units } from '../schema';
import type { Queryable } from '../index';

/** Every unit id in the subtree rooted at `unitId` (itself included). */
export function unitSubtreeIds(db: Queryable, unitId: number): Set<number> {
  const all = db.select({ id: units.id, parentId: units.parentId }).from(units).all();
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
export function unitAncestors(db: Queryable, unitId: number): Set<number> {
  const all = db.select({ id: units.id, parentId: units.parentId }).from(units).all();
  const parent = new Map(all.map((u) => [u.id, u.parentId]));
  const out = new Set<number>();
  for (let id: number | null | undefined = unitId; id != null && !out.has(id); id = parent.get(id)) out.add(id);
  return out;
}

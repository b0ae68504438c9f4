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

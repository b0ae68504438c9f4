import { z } from 'zod';

import { idField, optionalId, optionalText, requiredText } from './form';

// Unit codes look like SXD-QLXD: upper-case letters, digits and dashes, as printed on documents.
export const unitCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, 'Mã: 1–40 ký tự A-Z, 0-9, . _ - / code: 1–40 characters A-Z, 0-9, . _ -');

export const unitCreateSchema = z.object({
  code: unitCodeSchema,
  name: requiredText(200, 'tên đơn vị'),
  nameEn: optionalText(200),
  parentId: optionalId,
});

export const unitRenameSchema = z.object({
  id: idField,
  name: requiredText(200, 'tên đơn vị'),
  nameEn: optionalText(200),
});
export const unitMoveSchema = z.object({ id: idField, parentId: optionalId });
export const unitActiveSchema = z.object({
  id: idField,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

/**
 * Would making `parentId` the parent of `unitId` close a loop? True when the new parent is the
 * unit itself or one of its descendants; walking up from the new parent finds the unit.
 */
export function createsCycle(
  parents: ReadonlyMap<number, number | null>,
  unitId: number,
  parentId: number | null,
): boolean {
  const seen = new Set<number>();
  for (let at = parentId; at !== null && at !== undefined; at = parents.get(at) ?? null) {
    if (at === unitId) return true;
    if (seen.has(at)) return true; // an existing loop: refuse rather than spin
    seen.add(at);
  }
  return false;
}

/** Rows in depth-first order with their depth, roots first, siblings by code: a tree as a flat list. */
export function flattenTree<T extends { id: number; parentId: number | null; code: string }>(
  rows: readonly T[],
): (T & { depth: number })[] {
  const byParent = new Map<number | null, T[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const row of rows) {
    // A parent outside the list (should not happen) makes the row a root instead of hiding it.
    const key = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), row]);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const out: (T & { depth: number })[] = [];
  const visited = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const row of byParent.get(parent) ?? []) {
      if (visited.has(row.id)) continue;
      visited.add(row.id);
      out.push({ ...row, depth });
      walk(row.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

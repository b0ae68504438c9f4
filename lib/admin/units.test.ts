import { describe, expect, test } from 'vitest';

import { createsCycle, flattenTree, unitCreateSchema, unitMoveSchema } from './units';

// 1 ─┬─ 2 ── 4
//    └─ 3
const parents = new Map<number, number | null>([
  [1, null],
  [2, 1],
  [3, 1],
  [4, 2],
]);

describe('createsCycle', () => {
  test.each([
    [2, 3, false], // a sibling's child
    [4, 1, false], // up to the root
    [2, null, false], // to the top level
    [1, 4, true], // under its own grandchild
    [2, 4, true], // under its own child
    [2, 2, true], // under itself
  ])('moving %i under %s → cycle %s', (unit, parent, cycle) => {
    expect(createsCycle(parents, unit, parent)).toBe(cycle);
  });

  test('an existing loop in the data is refused, not walked forever', () => {
    const broken = new Map<number, number | null>([
      [5, 6],
      [6, 5],
    ]);
    expect(createsCycle(broken, 1, 5)).toBe(true);
  });
});

test('flattenTree lists depth-first, siblings by code, with depth', () => {
  const rows = [
    { id: 3, parentId: 1, code: 'B' },
    { id: 1, parentId: null, code: 'ROOT' },
    { id: 4, parentId: 2, code: 'A1' },
    { id: 2, parentId: 1, code: 'A' },
  ];
  expect(flattenTree(rows).map((r) => [r.code, r.depth])).toEqual([
    ['ROOT', 0],
    ['A', 1],
    ['A1', 2],
    ['B', 1],
  ]);
});

describe('unit schemas', () => {
  test('a code is upper-cased and trimmed; an empty parent means the top level', () => {
    expect(unitCreateSchema.parse({ code: ' sxd-new ', name: 'Phòng mới', nameEn: '', parentId: '' })).toEqual({
      code: 'SXD-NEW',
      name: 'Phòng mới',
      nameEn: undefined,
      parentId: null,
    });
  });
  test.each([
    [{ code: 'A B', name: 'x', parentId: '' }, 'code'],
    [{ code: 'A', name: '  ', parentId: '' }, 'name'],
    [{ code: 'A', name: 'x', parentId: 'abc' }, 'parentId'],
  ])('%j fails on %s', (input, field) => {
    const r = unitCreateSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(field);
  });
  test('move takes ids from form strings', () => {
    expect(unitMoveSchema.parse({ id: '4', parentId: '3' })).toEqual({ id: 4, parentId: 3 });
  });
});

import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { expect, test } from 'vitest';

import { parentsFirst, tablesInReferenceOrder } from './copy';
import * as pgSchema from './schema-pg';

test('the copy order has every table once, each after the tables it references', () => {
  const order = tablesInReferenceOrder();
  const all = (Object.values(pgSchema) as unknown[]).filter((t): t is PgTable => is(t, PgTable));
  expect(order.map(getTableName).sort()).toEqual(all.map(getTableName).sort());
  const position = new Map(order.map((t, i) => [t, i]));
  let references = 0;
  for (const table of order) {
    for (const fk of getTableConfig(table).foreignKeys) {
      const target = fk.reference().foreignTable;
      if (target === table) continue;
      references += 1;
      expect(position.get(target)!, `${getTableName(table)} → ${getTableName(target)}`).toBeLessThan(
        position.get(table)!,
      );
    }
  }
  expect(references).toBeGreaterThan(10);
  expect(order.map(getTableName).indexOf('units')).toBeLessThan(order.map(getTableName).indexOf('responses'));
});

test('rows of a self-referencing table are put after the rows they point to', () => {
  const rows = [
    { id: 3, parent_id: 2 },
    { id: 1, parent_id: null },
    { id: 4, parent_id: 3 },
    { id: 2, parent_id: 5 },
    { id: 5, parent_id: 1 },
  ];
  const ordered = parentsFirst(rows, { column: 'parent_id', target: 'id' });
  expect(ordered).toHaveLength(5);
  const seen = new Set<unknown>();
  for (const row of ordered) {
    if (row.parent_id !== null)
      expect(seen.has(row.parent_id), `row ${row.id} after its parent ${row.parent_id}`).toBe(true);
    seen.add(row.id);
  }
});

test('a cycle of rows is refused rather than looping', () => {
  expect(() =>
    parentsFirst(
      [
        { id: 1, parent_id: 2 },
        { id: 2, parent_id: 1 },
      ],
      { column: 'parent_id', target: 'id' },
    ),
  ).toThrow(/cycle/);
});

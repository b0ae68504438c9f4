import { is } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';

import * as pgSchema from './schema-pg';
import * as sqliteSchema from './schema-sqlite';

// What a table means to the queries, engine words removed: the two schema files must agree on
// every table, column (name, nullability, kind), key, unique constraint, index and reference.
type Shape = ReturnType<typeof shapeOf>;

const kindOf = (sqlType: string, dataType: string): string => {
  if (dataType === 'boolean') return 'boolean';
  if (/^(integer|bigint)$/.test(sqlType) || sqlType.startsWith('integer')) return 'integer';
  if (sqlType === 'text' || sqlType.startsWith('text')) return 'text';
  return sqlType;
};

function shapeOf(cfg: ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>) {
  const columns = cfg.columns
    .map((c) => ({
      name: c.name,
      notNull: c.notNull,
      kind: kindOf(c.getSQLType(), c.dataType),
      primary: c.primary,
      unique: c.isUnique,
      hasDefault: c.primary ? null : c.hasDefault,
      enum: c.enumValues ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const primaryKeys = cfg.primaryKeys.map((pk) => pk.columns.map((c) => c.name));
  const indexes = cfg.indexes
    .map((i) => ({
      name: i.config.name,
      unique: i.config.unique,
      columns: i.config.columns.map((c) => ('name' in c ? c.name : '?')),
      partial: i.config.where !== undefined,
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  const foreignKeys = cfg.foreignKeys
    .map((fk) => {
      const r = fk.reference();
      return `${r.columns.map((c) => c.name).join(',')}->${(r.foreignTable as unknown as { [k: symbol]: string })[Symbol.for('drizzle:Name')]}`;
    })
    .sort();
  return { name: cfg.name, columns, primaryKeys, indexes, foreignKeys };
}

const sqliteTables = Object.fromEntries(
  Object.entries(sqliteSchema)
    .filter(([, v]) => is(v, SQLiteTable))
    .map(([k, v]) => [k, shapeOf(sqliteConfig(v as SQLiteTable))]),
) as Record<string, Shape>;
const pgTables = Object.fromEntries(
  Object.entries(pgSchema)
    .filter(([, v]) => is(v, PgTable))
    .map(([k, v]) => [k, shapeOf(pgConfig(v as unknown as PgTable))]),
) as Record<string, Shape>;

describe('SQLite and PostgreSQL schemas', () => {
  it('declare the same tables under the same names', () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(20);
  });

  for (const [name, shape] of Object.entries(sqliteTables)) {
    it(`agree on ${shape.name}: columns, keys, indexes and references`, () => {
      expect(pgTables[name]).toEqual(shape);
    });
  }

  it('store millisecond times in 64-bit columns on PostgreSQL', () => {
    for (const table of Object.values(pgSchema).filter((v) => is(v, PgTable))) {
      for (const c of pgConfig(table as unknown as PgTable).columns) {
        if (/(^at|_at|_until)$/.test(c.name)) expect(`${c.name} ${c.getSQLType()}`).toBe(`${c.name} bigint`);
      }
    }
  });
});

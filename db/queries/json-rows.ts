import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

import { dialectOf, type Queryable } from '../index';

/**
 * `SELECT <every column of table> FROM <rows>`, the rows passed as one JSON parameter that the
 * database unpacks itself (SQLite's json_each, PostgreSQL's jsonb_to_recordset). For bulk loads:
 * `q.insert(table).select(selectJsonRows(q, table, rows))` costs one statement and one parameter
 * whatever the number of rows, where a multi-row VALUES list spends most of its time in the
 * query builder and must stay under the engines' limits on bound parameters. `rows` are keyed by
 * the table's field names, like `.values()`; a missing field is NULL (no column defaults).
 */
export function selectJsonRows(q: Queryable, table: SQLiteTable, rows: readonly Record<string, unknown>[]): SQL {
  return selectJsonRowsOf(q, table, sql`${jsonRowsParam(q, table, rows)}`);
}

/** The one parameter of `selectJsonRowsOf`: `rows` as the JSON that the engine unpacks. */
export function jsonRowsParam(q: Queryable, table: SQLiteTable, rows: readonly Record<string, unknown>[]): string {
  const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
  if (dialectOf(q) === 'postgres')
    return JSON.stringify(
      rows.map((row) => Object.fromEntries(columns.map(([key, column]) => [column.name, row[key] ?? null]))),
    );
  // Rows as arrays: SQLite reads an element by position 1.5x faster than by name.
  return JSON.stringify(rows.map((row) => columns.map(([key]) => row[key] ?? null)));
}

/**
 * `selectJsonRows` with the JSON given as SQL (a `sql.placeholder`), so that a statement built
 * once (db/queries/reusable.ts) takes any number of rows.
 */
export function selectJsonRowsOf(
  q: Queryable,
  table: SQLiteTable,
  json: SQL | SQL.Aliased | ReturnType<typeof sql.placeholder>,
): SQL {
  const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
  if (dialectOf(q) === 'postgres') {
    // The record's column names and types are the table's own (getSQLType is the PostgreSQL type at run time).
    const definitions = sql.join(
      columns.map(([, column]) => sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`),
      sql`, `,
    );
    const names = sql.join(
      columns.map(([, column]) => sql.identifier(column.name)),
      sql`, `,
    );
    return sql`SELECT ${names} FROM jsonb_to_recordset(${json}::jsonb) AS j(${definitions})`;
  }
  const values = sql.join(
    columns.map((_, i) => sql.raw(`j.value ->> ${i}`)),
    sql`, `,
  );
  // WHERE true: SQLite needs it before an upsert's ON CONFLICT when the SELECT has a FROM clause.
  return sql`SELECT ${values} FROM json_each(${json}) AS j WHERE true`;
}

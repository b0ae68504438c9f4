// Moving a SQLite deployment to PostgreSQL (`npm run admin -- copy-to-postgres <url>`): every row
// of every table, in one PostgreSQL transaction, so the copy is all there or not there at all.
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

import {
  dialectOf,
  migrateDatabase,
  rawAll,
  rawRun,
  sqliteClient,
  withTransaction,
  type Db,
  type Queryable,
} from './index';
import { selectJsonRows } from './queries/json-rows';
import * as pgSchema from './schema-pg';

const BATCH = 5_000;

export type CopiedTable = { table: string; rows: number };

/** The PostgreSQL tables, each after the tables it references (the order inserts must follow). */
export function tablesInReferenceOrder(): PgTable[] {
  const tables = (Object.values(pgSchema) as unknown[]).filter((t): t is PgTable => is(t, PgTable));
  const ordered: PgTable[] = [];
  const state = new Map<PgTable, 'visiting' | 'done'>();
  const visit = (table: PgTable) => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting')
      throw new Error(`tables reference each other in a cycle through ${getTableName(table)}`);
    state.set(table, 'visiting');
    for (const fk of getTableConfig(table).foreignKeys) {
      const target = fk.reference().foreignTable;
      if (target !== table) visit(target);
    }
    state.set(table, 'done');
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/** The column of `table` that references `table` itself (units.parent_id), if any. */
function selfReference(table: PgTable): { column: string; target: string } | null {
  const fk = getTableConfig(table).foreignKeys.find((f) => f.reference().foreignTable === table);
  if (!fk) return null;
  const { columns, foreignColumns } = fk.reference();
  return { column: columns[0]!.name, target: foreignColumns[0]!.name };
}

/** Rows of a self-referencing table, each after the row it points to. */
export function parentsFirst(
  rows: Record<string, unknown>[],
  ref: { column: string; target: string },
): Record<string, unknown>[] {
  const byKey = new Map(rows.map((r) => [r[ref.target], r]));
  const out: Record<string, unknown>[] = [];
  const placed = new Set<unknown>();
  const place = (row: Record<string, unknown>, depth: number) => {
    const key = row[ref.target];
    if (placed.has(key)) return;
    if (depth > rows.length)
      throw new Error(`rows of the table reference each other in a cycle (${ref.column} = ${String(key)})`);
    const parent = byKey.get(row[ref.column]);
    if (parent) place(parent, depth + 1);
    placed.add(key);
    out.push(row);
  };
  for (const row of rows) place(row, 0);
  return out;
}

/**
 * Copies every row of a SQLite database into an empty PostgreSQL database: migrates both to the
 * latest schema first, refuses a target that holds any row, reads the source in one read
 * transaction (a consistent snapshot, even while an app still writes to it), writes everything in
 * one PostgreSQL transaction, moves the identity counters past the copied ids, and checks the row
 * counts. Returns the rows copied per table.
 */
export async function copySqliteToPostgres(
  source: Db,
  target: Db,
  { onTable }: { onTable?: (copied: CopiedTable) => void } = {},
): Promise<CopiedTable[]> {
  if (dialectOf(source) !== 'sqlite') throw new Error('the source must be a SQLite database (DATABASE_URL=file:…)');
  if (dialectOf(target) !== 'postgres') throw new Error('the target must be a PostgreSQL database (postgres://…)');
  await migrateDatabase(source);
  await migrateDatabase(target);
  const tables = tablesInReferenceOrder();
  for (const table of tables) {
    const [row] = await rawAll(target, sql`SELECT 1 AS one FROM ${table} LIMIT 1`);
    if (row) {
      throw new Error(
        `the target database already holds data (table ${getTableName(table)}); copy into a new, empty database (createdb), then start the app on it`,
      );
    }
  }

  const client = sqliteClient(source);
  const copied: CopiedTable[] = [];
  client.exec('BEGIN'); // a read transaction: every table from one snapshot
  try {
    await withTransaction(target, async (tx) => {
      for (const table of tables) {
        const name = getTableName(table);
        const columns = Object.entries(getTableColumns(table));
        // SQLite keeps booleans as 0/1; every other column type (integer, bigint, text) reads as it is stored.
        const toRow = (raw: Record<string, unknown>) =>
          Object.fromEntries(
            columns.map(([key, column]) => {
              const value = raw[column.name];
              return [key, column.getSQLType() === 'boolean' && value !== null ? value !== 0 : value];
            }),
          );
        const read = client.prepare(`SELECT * FROM "${name}"`);
        const ref = selfReference(table);
        let rows = 0;
        const write = async (batch: Record<string, unknown>[]) => {
          if (batch.length === 0) return;
          await tx
            .insert(table as unknown as SQLiteTable)
            .select(selectJsonRows(tx, table as unknown as SQLiteTable, batch.map(toRow)));
          rows += batch.length;
        };
        if (ref) {
          // One statement: PostgreSQL checks the references at its end, whatever the row order within.
          await write(parentsFirst(read.all() as Record<string, unknown>[], ref));
        } else {
          let batch: Record<string, unknown>[] = [];
          for (const raw of read.iterate() as IterableIterator<Record<string, unknown>>) {
            batch.push(raw);
            if (batch.length === BATCH) {
              // iterate() keeps the statement open, and no other statement runs on this connection meanwhile.
              await write(batch);
              batch = [];
            }
          }
          await write(batch);
        }
        const idColumn = columns.find(([, column]) => column.name === 'id');
        if (idColumn && idColumn[1].getSQLType() === 'integer') {
          // Identity columns would otherwise start again at 1 and collide with the copied ids.
          await rawRun(
            tx,
            sql`SELECT setval(pg_get_serial_sequence(${name}, 'id'), max(id)) FROM ${table} HAVING max(id) IS NOT NULL`,
          );
        }
        const stored = await countRows(tx, table);
        if (stored !== rows) throw new Error(`table ${name}: ${rows} rows read but ${stored} stored`);
        copied.push({ table: name, rows });
        onTable?.({ table: name, rows });
      }
    });
  } finally {
    client.exec('COMMIT');
  }
  return copied;
}

async function countRows(q: Queryable, table: PgTable): Promise<number> {
  const [row] = await rawAll<{ n: number }>(q, sql`SELECT count(*) AS n FROM ${table}`);
  return Number(row!.n);
}

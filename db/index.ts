import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';

import Database from 'better-sqlite3';
import { is, sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleSqlite, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';

import { getConfig, sqlitePathFromUrl } from '@/lib/config';
import { foldVietnamese } from '@/lib/text/fold';
import { startBackgroundCheckpoints, stopBackgroundCheckpoints, WRITER_AUTOCHECKPOINT_PAGES } from './checkpointer';
import { dialectOfUrl, type Dialect } from './dialect';
import * as pgSchema from './schema-pg';
import * as sqliteSchema from './schema-sqlite';

type SqliteDrizzle = BetterSQLite3Database<typeof sqliteSchema>;

/**
 * A connection to either engine. Queries are written once, against the SQLite typing, and use
 * only what both drivers share: awaited builders (never `.get()`, `.all()`, `.run()`),
 * `withTransaction` instead of `db.transaction`, and `rawAll`/`rawRun` for hand-written SQL.
 */
export type Db = Omit<SqliteDrizzle, '$client' | 'transaction' | 'run' | 'all' | 'get' | 'values' | 'batch'>;

/** What a query needs from the connection; a transaction satisfies it too. */
export type Queryable = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

export const MIGRATIONS_FOLDER = join(process.cwd(), 'db', 'migrations');
export const PG_MIGRATIONS_FOLDER = join(process.cwd(), 'db', 'migrations-pg');

// Asked several times per statement on the ingest path; drizzle's `is` walks the prototype chain.
const dialects = new WeakMap<Queryable, boolean>();
function isPg(db: Queryable): boolean {
  let pg = dialects.get(db);
  if (pg === undefined) dialects.set(db, (pg = is(db, PgDatabase)));
  return pg;
}

export function dialectOf(db: Queryable): Dialect {
  return isPg(db) ? 'postgres' : 'sqlite';
}

/** The better-sqlite3 handle of a SQLite connection (backup, checkpoints, pragmas). */
export function sqliteClient(db: Queryable): Database.Database {
  if (isPg(db)) throw new Error('not a SQLite connection');
  return (db as unknown as { $client: Database.Database }).$client;
}

/** Opens a SQLite file with the pragmas every connection needs. */
export function openSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path);
  client.pragma('journal_mode = WAL');
  // FULL: a transaction is on disk (fsync of the WAL) before COMMIT returns, so an answer that
  // was acknowledged survives a power cut or an OS crash too, not only a process crash (NORMAL).
  // Responses commit in groups (server/ingest-batcher.ts), so it costs one fsync per batch.
  client.pragma('synchronous = FULL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  // Comment search ignores case and Vietnamese diacritics (db/queries/comments.ts); PostgreSQL
  // does the same with translate().
  client.function('fold_vi', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldVietnamese(s) : s));
  return queuePlainWrites(drizzleSqlite(client, { schema: sqliteSchema }) as unknown as Db, client);
}

// int8 (counts, sums, millisecond times) and numeric (sums, averages) arrive as strings from
// node-postgres; every such value here is an integer below 2^53 or a ratio, so a number is exact.
// Set on the driver's global parsers because drizzle passes those with every query.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

/** Opens a pool of connections to a PostgreSQL database. */
export function openPostgres(url: string, { max = 10 }: { max?: number } = {}): Db {
  // synchronous_commit=on whatever the server's default: COMMIT returns once the WAL is flushed,
  // so an acknowledged answer survives a crash of the database server (see
  // docs/decisions/0006-group-commit.md). Set at connection start, no round trip of its own.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c synchronous_commit=on' });
  // An idle client that loses its server (restart, failover) must not take the process down.
  pool.on('error', (err) => console.error('Hài Lòng: idle PostgreSQL connection failed:', err.message));
  return drizzlePg(pool, { schema: pgSchema }) as unknown as Db;
}

/** Opens the database a DATABASE_URL names (`file:` or `postgres://`). */
export function openDatabase(url: string): Db {
  return dialectOfUrl(url) === 'postgres' ? openPostgres(url) : openSqlite(sqlitePathFromUrl(url));
}

// Any fixed number: the key of the advisory lock that instances starting together take in turn.
const STARTUP_LOCK = 727_001;

/**
 * Runs `fn` while holding a lock that every instance sharing this PostgreSQL database takes at
 * start, so that two instances started together do not both migrate or both seed. The lock lives
 * on a connection of its own; `fn` uses the pool as usual. On SQLite (one process) it just runs.
 */
export async function withStartupLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (!isPg(db)) return fn();
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** Applies the committed migrations of the connection's engine (one instance at a time). */
export async function migrateDatabase(db: Db): Promise<void> {
  if (isPg(db)) await withStartupLock(db, () => migratePg(db as never, { migrationsFolder: PG_MIGRATIONS_FOLDER }));
  else migrateSqlite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
}

export async function closeDatabase(db: Db): Promise<void> {
  if (isPg(db)) await (db as unknown as { $client: pg.Pool }).$client.end();
  else sqliteClient(db).close();
}

/** Runs hand-written SQL and returns its rows (column names as written in the SQL). */
export async function rawAll<T = Record<string, unknown>>(db: Queryable, query: SQL): Promise<T[]> {
  if (isPg(db)) return ((await (db as unknown as PgDatabase<never>).execute(query)) as unknown as { rows: T[] }).rows;
  return (db as unknown as SqliteDrizzle).all(query) as T[];
}

/** Runs hand-written SQL that returns no rows; resolves to the number of rows it changed. */
export async function rawRun(db: Queryable, query: SQL): Promise<number> {
  if (isPg(db))
    return (
      ((await (db as unknown as PgDatabase<never>).execute(query)) as unknown as { rowCount: number | null })
        .rowCount ?? 0
    );
  return whenQueueFree(sqliteClient(db), () => (db as unknown as SqliteDrizzle).run(query).changes);
}

/** The first row of a result, or null: the portable `.get()`. */
export function first<T>(rows: readonly T[]): T | null {
  return rows.length > 0 ? (rows[0] as T) : null;
}

// SQLite has one connection per process and better-sqlite3's transactions cannot span an await,
// so a transaction here is BEGIN IMMEDIATE … COMMIT on that connection, one at a time (a queue),
// with nested calls as savepoints. A write issued outside any transaction while another request's
// transaction is open would run inside that transaction and be rolled back with it, although its
// own request was answered: so every plain write (insert, update, delete, rawRun) outside a
// transaction waits for the queue too (queuePlainWrites), and runs on its own between
// transactions. Plain reads still run at once.
const sqliteTx = new AsyncLocalStorage<{ client: Database.Database; depth: number }>();
const sqliteQueues = new WeakMap<Database.Database, { tail: Promise<unknown>; pending: number }>();

function queueOf(client: Database.Database) {
  let queue = sqliteQueues.get(client);
  if (!queue) sqliteQueues.set(client, (queue = { tail: Promise.resolve(), pending: 0 }));
  return queue;
}

const inTransactionOf = (client: Database.Database) => sqliteTx.getStore()?.client === client;

/** Runs `work` when no transaction of this connection is open or waiting (at once when none is). */
function whenQueueFree<T>(client: Database.Database, work: () => T | PromiseLike<T>): Promise<T> {
  const queue = queueOf(client);
  if (inTransactionOf(client)) return Promise.resolve(work());
  if (queue.pending === 0 && !client.inTransaction) return Promise.resolve(work());
  queue.pending += 1;
  const run = queue.tail.then(work);
  queue.tail = run.then(
    () => void (queue.pending -= 1),
    () => void (queue.pending -= 1),
  );
  return run;
}

/** Wraps a statement builder (or its prepared form) so that running it outside a transaction queues. */
function queuedBuilder<T extends object>(builder: T, client: Database.Database): T {
  return new Proxy(builder, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'then') {
        return (onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) =>
          whenQueueFree(client, () => target as PromiseLike<unknown>).then(onFulfilled, onRejected);
      }
      if (prop === 'execute') {
        return (...args: unknown[]) =>
          whenQueueFree(client, () => (value as (...a: unknown[]) => unknown).apply(target, args));
      }
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        const chained = result !== null && typeof result === 'object' && ('then' in result || 'execute' in result);
        return chained ? queuedBuilder(result, client) : result;
      };
    },
  });
}

function queuePlainWrites(db: Db, client: Database.Database): Db {
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if ((prop === 'insert' || prop === 'update' || prop === 'delete') && typeof value === 'function') {
        return (...args: unknown[]) =>
          queuedBuilder((value as (...a: unknown[]) => object).apply(target, args), client);
      }
      return value;
    },
  });
}

async function sqliteTransaction<T>(db: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const client = sqliteClient(db);
  const open = sqliteTx.getStore();
  if (open && open.client === client) {
    const name = `sp${open.depth + 1}`;
    client.exec(`SAVEPOINT ${name}`);
    try {
      const result = await sqliteTx.run({ client, depth: open.depth + 1 }, () => fn(db));
      client.exec(`RELEASE ${name}`);
      return result;
    } catch (err) {
      client.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw err;
    }
  }
  const queue = queueOf(client);
  queue.pending += 1;
  const run = queue.tail.then(async () => {
    client.exec('BEGIN IMMEDIATE');
    try {
      const result = await sqliteTx.run({ client, depth: 0 }, () => fn(db));
      client.exec('COMMIT');
      return result;
    } catch (err) {
      if (client.inTransaction) client.exec('ROLLBACK');
      throw err;
    }
  });
  queue.tail = run.then(
    () => void (queue.pending -= 1),
    () => void (queue.pending -= 1),
  );
  return run;
}

/** Runs `fn` in one transaction: everything it writes commits together or not at all. */
export function withTransaction<T>(db: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  if (isPg(db)) return (db as unknown as PgDatabase<never>).transaction((tx) => fn(tx as unknown as Queryable));
  return sqliteTransaction(db, fn);
}

const globalForDb = globalThis as unknown as {
  __hailongDb?: Db;
  __hailongReady?: Promise<Db>;
  __hailongCheckpointer?: Worker;
};

/**
 * The process's connection (one SQLite handle or one PostgreSQL pool). Kept on globalThis so
 * that dev hot reload and the several bundles of a Next server share it instead of opening more.
 * A SQLite file is migrated here on first use; PostgreSQL is migrated by `readyDb()`, which the
 * server start (instrumentation.ts) and every command-line tool await first.
 */
export function getDb(): Db {
  if (!globalForDb.__hailongDb) {
    const url = getConfig().DATABASE_URL;
    if (dialectOfUrl(url) === 'postgres') {
      globalForDb.__hailongDb = openPostgres(url, { max: getConfig().DATABASE_POOL_SIZE });
    } else {
      const path = sqlitePathFromUrl(url);
      const db = openSqlite(path);
      migrateSqlite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      sqliteClient(db).pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`);
      globalForDb.__hailongCheckpointer = startBackgroundCheckpoints(path);
      globalForDb.__hailongDb = db;
    }
  }
  return globalForDb.__hailongDb;
}

/** The process's connection, migrated: what a server start or a command awaits first. */
export function readyDb(): Promise<Db> {
  globalForDb.__hailongReady ??= (async () => {
    const db = getDb();
    if (isPg(db)) await migrateDatabase(db);
    return db;
  })();
  return globalForDb.__hailongReady;
}

/**
 * Throws unless the database takes a write: a read-only file or directory, a read-only
 * PostgreSQL role or standby would otherwise open fine and fail every answer later. Writes
 * nothing that stays (SQLite rewrites its own user_version; PostgreSQL rolls back).
 */
export async function assertWritable(db: Db): Promise<void> {
  if (isPg(db)) {
    await withTransaction(db, async (tx) => {
      await rawRun(tx, sql`UPDATE drizzle.__drizzle_migrations SET id = id WHERE false`);
      throw new RollbackProbe();
    }).catch((err) => {
      if (!(err instanceof RollbackProbe)) throw err;
    });
    return;
  }
  const client = sqliteClient(db);
  const version = client.pragma('user_version', { simple: true }) as number;
  client.pragma(`user_version = ${Number(version)}`);
}
class RollbackProbe extends Error {}

/**
 * Closes the process's connection (and the SQLite checkpointer's), so a stopping server leaves
 * a clean file: SQLite folds the WAL back in and removes it when its last connection closes.
 */
export async function closeProcessDb(): Promise<void> {
  const db = globalForDb.__hailongDb;
  const worker = globalForDb.__hailongCheckpointer;
  globalForDb.__hailongDb = undefined;
  globalForDb.__hailongReady = undefined;
  globalForDb.__hailongCheckpointer = undefined;
  if (worker) await stopBackgroundCheckpoints(worker);
  if (db) await closeDatabase(db);
}

/** Test and CLI hook: use this connection instead of the one from DATABASE_URL. */
export function setDb(db: Db | undefined): void {
  globalForDb.__hailongDb = db;
  globalForDb.__hailongReady = db ? Promise.resolve(db) : undefined;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sql, type SQL } from 'drizzle-orm';

import { closeDatabase, migrateDatabase, openPostgres, openSqlite, rawAll, rawRun, setDb, type Db } from '@/db';
import { isPostgresUrl } from '@/db/dialect';
import { seedReferenceData, seedSurveys } from '@/server/seed';

import { createDatabaseFrom } from './pg';

export type TestDb = {
  db: Db;
  /** The SQLite file, or the PostgreSQL database's URL. */
  path: string;
  count(table: string): Promise<number>;
  all<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  run(query: SQL): Promise<number>;
  close(): Promise<void>;
};

type Opened = { db: Db; path: string; dispose(): Promise<void> };

/**
 * The one place that decides which engine a test runs on and how its fresh database is made:
 * PostgreSQL when the project sets a postgres:// DATABASE_URL (integration-pg), else SQLite, a new
 * file migrated from the committed migrations and seeded like a first start.
 */
async function openFreshDatabase({ seed }: { seed: boolean }): Promise<Opened> {
  if (isPostgresUrl(process.env.DATABASE_URL)) {
    // A copy of the template the global setup migrated (and seeded): no migration per test file.
    const created = await createDatabaseFrom(seed ? 'seeded' : 'empty');
    const db = openPostgres(created.url, { max: 4 });
    return {
      db,
      path: created.url,
      async dispose() {
        await closeDatabase(db);
        await created.drop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'hailong-test-'));
  const path = join(dir, 'test.db');
  const db = openSqlite(path);
  await migrateDatabase(db);
  if (seed) {
    await seedReferenceData(db);
    await seedSurveys(db);
  }
  return {
    db,
    path,
    async dispose() {
      await closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database, installed as the app's connection so route handlers use it. */
export async function createTestDb({ seed = true }: { seed?: boolean } = {}): Promise<TestDb> {
  const { db, path, dispose } = await openFreshDatabase({ seed });
  setDb(db);
  return {
    db,
    path,
    count: async (table) =>
      Number((await rawAll<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0]!.n),
    all: <T>(query: SQL) => rawAll<T>(db, query),
    run: (query) => rawRun(db, query),
    async close() {
      setDb(undefined);
      await dispose();
    },
  };
}

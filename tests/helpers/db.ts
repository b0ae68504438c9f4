import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { migrateDatabase, openDatabase, setDb, type Db } from '@/db';
import { seedReferenceData, seedSurveys } from '@/db/seed';

export type TestDb = { db: Db; path: string; count(table: string): number; close(): void };

/**
 * A fresh SQLite file migrated from the committed migrations and seeded like a first start,
 * installed as the app's connection so route handlers use it.
 */
export function createTestDb({ seed = true }: { seed?: boolean } = {}): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'hailong-test-'));
  const path = join(dir, 'test.db');
  const db = openDatabase(path);
  migrateDatabase(db);
  if (seed) {
    seedReferenceData(db);
    seedSurveys(db);
  }
  setDb(db);
  return {
    db,
    path,
    count: (table) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close() {
      setDb(undefined);
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

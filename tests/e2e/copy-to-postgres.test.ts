import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { closeDatabase, openPostgres, openSqlite, rawAll, type Db } from '@/db';
import * as pgSchema from '@/db/schema-pg';
import * as sqliteSchema from '@/db/schema-sqlite';
import { quickResponse } from '@/tests/helpers/http';
import { dropDatabase, postgresReachable, TEST_DB_PREFIX, urlOf, withAdmin } from '@/tests/helpers/pg';

import { startServer, type TestServer } from './helpers/server';

// Moving a running SQLite deployment to PostgreSQL: `npm run admin -- copy-to-postgres <url>`
// copies every row of every table; the PostgreSQL instance then serves the same data and takes
// new rows without colliding with the copied ids.

const reachable = await postgresReachable();
if (!reachable && process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 but no PostgreSQL answers');

const database = `${TEST_DB_PREFIX}copy_${process.pid}`;
const url = urlOf(database);
const dir = mkdtempSync(join(tmpdir(), 'hailong-copy-'));
const sqlitePath = join(dir, 'source.db');
const SECRET = 'copy-secret-0123456789abcdef';
let source: TestServer;
let caseCode: string;

function runAdmin(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/admin.ts', ...args], {
      env: { ...process.env, APP_SECRET: SECRET, ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

const tablesOf = <T>(schema: Record<string, unknown>, kind: new (...args: never[]) => T) =>
  new Map(
    Object.values(schema)
      .filter((t): t is T => is(t, kind as never))
      .map((t) => [getTableName(t as never), t]),
  );

/** Every row of every table as the app reads it (booleans as booleans), in a stable order. */
async function contents(db: Db, tables: Map<string, unknown>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, table] of tables) {
    const rows = await db.select().from(table as never);
    out[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

async function pgCounts(): Promise<Record<string, number>> {
  const db = openPostgres(url, { max: 2 });
  try {
    const counts: Record<string, number> = {};
    for (const name of tablesOf(pgSchema, PgTable).keys()) {
      counts[name] = (await rawAll<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(name)}`))[0]!.n;
    }
    return counts;
  } finally {
    await closeDatabase(db);
  }
}

describe.skipIf(!reachable)('copying a SQLite deployment into PostgreSQL', () => {
  beforeAll(async () => {
    await withAdmin(async (c) => {
      await dropDatabase(c, database);
      await c.query(`CREATE DATABASE ${database}`);
    });
    // A deployment with some history: demo responses, cases, users, a paired tablet, and a case
    // opened by a fresh negative answer.
    source = await startServer({
      DATABASE_URL: `file:${sqlitePath}`,
      APP_SECRET: SECRET,
      DEMO_RESPONSES: '300',
      DEMO_USERS: '1',
    });
    const device = await runAdmin(['device', 'create', '--point', 'TTHCC-Q01', '--name', 'Máy quầy 1'], {
      DATABASE_URL: `file:${sqlitePath}`,
    });
    expect(device.code, device.out).toBe(0);
    const res = await fetch(`${source.url}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(quickResponse({ answers: { satisfaction: 1 } })),
    });
    expect(res.status).toBe(201);
    caseCode = ((await res.json()) as { case: string }).case;
    expect(caseCode).toMatch(/^PA-/);
    await source.stop();
  }, 300_000);

  afterAll(async () => {
    await source?.stop().catch(() => undefined);
    if (reachable) await withAdmin((c) => dropDatabase(c, database));
    rmSync(dir, { recursive: true, force: true });
  });

  test('every row of every table arrives unchanged, and the copy is checked', async () => {
    const run = await runAdmin(['copy-to-postgres', url], { DATABASE_URL: `file:${sqlitePath}` });
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/Copied [\d,]+ rows in \d+ tables/);
    expect(run.out).toContain('APP_SECRET');

    const from = openSqlite(sqlitePath);
    const to = openPostgres(url, { max: 2 });
    try {
      const before = await contents(from, tablesOf(sqliteSchema, SQLiteTable));
      const after = await contents(to, tablesOf(pgSchema, PgTable));
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
      // The history is really there (a copy of empty tables would also be equal).
      for (const name of [
        'units',
        'responses',
        'answers',
        'cases',
        'users',
        'devices',
        'audit_log',
        'rollup_answers_day',
      ]) {
        expect(before[name]?.length ?? 0, name).toBeGreaterThan(0);
      }
    } finally {
      await closeDatabase(from);
      await closeDatabase(to);
    }
  }, 120_000);

  test('identity counters continue after the copied ids, and the PostgreSQL instance serves the data', async () => {
    const db = openPostgres(url, { max: 2 });
    try {
      for (const [name, table] of tablesOf(pgSchema, PgTable)) {
        const hasId = Object.values(table as unknown as Record<string, { name?: string }>).some(
          (c) => c?.name === 'id',
        );
        if (!hasId) continue;
        const [row] = await rawAll<{ seq: string | null; max: number | null }>(
          db,
          sql`SELECT pg_get_serial_sequence(${name}, 'id') AS seq, (SELECT max(id) FROM ${sql.identifier(name)}) AS max`,
        );
        if (!row?.seq || row.max === null) continue;
        const [next] = await rawAll<{ n: number }>(db, sql`SELECT nextval(${row.seq}) AS n`);
        expect(next!.n, name).toBeGreaterThan(row.max);
      }
    } finally {
      await closeDatabase(db);
    }
    // A new tablet (devices, audit_log: identity ids) on the copy, and the copied case is found by its code.
    const device = await runAdmin(['device', 'create', '--point', 'TTHCC-Q01', '--name', 'Máy quầy 2'], {
      DATABASE_URL: url,
    });
    expect(device.code, device.out).toBe(0);
    const pg = await startServer({ DATABASE_URL: url, APP_SECRET: SECRET, DEMO_RESPONSES: '0' });
    try {
      const res = await fetch(`${pg.url}/api/surveys/sipas`);
      expect(res.status).toBe(200);
      const post = await fetch(`${pg.url}/api/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(quickResponse({ answers: { satisfaction: 3 } })),
      });
      expect(post.status, await post.text()).toBe(201);
      const lookup = await (await fetch(`${pg.url}/tra-cuu?ma=${caseCode}`)).text();
      expect(lookup).toContain(caseCode);
      expect(lookup).not.toContain('Không tìm thấy phản ánh');
    } finally {
      await pg.stop();
    }
  }, 180_000);

  test('a database that already holds data is refused and left as it was; so are a PostgreSQL source and a bad URL', async () => {
    const before = await pgCounts();
    const again = await runAdmin(['copy-to-postgres', url], { DATABASE_URL: `file:${sqlitePath}` });
    expect(again.code).toBe(1);
    expect(again.out).toContain('already holds data');
    expect(await pgCounts()).toEqual(before);

    const fromPg = await runAdmin(['copy-to-postgres', url], { DATABASE_URL: url });
    expect(fromPg.code).toBe(1);
    expect(fromPg.out).toContain('already PostgreSQL');

    const bad = await runAdmin(['copy-to-postgres', 'mysql://x'], { DATABASE_URL: `file:${sqlitePath}` });
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('needs the URL of an empty PostgreSQL database');
  }, 120_000);
});

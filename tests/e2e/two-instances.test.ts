import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { ROLLUP_TABLES } from '@/db/schema-common';
import { dropDatabase, postgresReachable, TEST_DB_PREFIX, urlOf, withAdmin } from '@/tests/helpers/pg';

import { startServer, type TestServer } from './helpers/server';

// Two application instances behind one PostgreSQL. They start together (one migrates
// and seeds, the other waits on the startup lock), then receive the same response ids at the same
// instant: each response must be stored once, answered 201 by one instance and 200 (replay) by the
// other, and the rollups both kept in their insert transactions must equal a rebuild from the raw
// responses.

const reachable = await postgresReachable();
if (!reachable && process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 but no PostgreSQL answers');

const database = `${TEST_DB_PREFIX}two_instances_${process.pid}`;
const url = urlOf(database);
let a: TestServer;
let b: TestServer;

async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function countOf(text: string): Promise<number> {
  const [row] = await query<{ n: number }>(text);
  return row!.n;
}

async function rollupSnapshot(): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of ROLLUP_TABLES) {
    const columns = (
      await query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`,
      )
    ).map((c) => c.column_name);
    snapshot[table] = await query(`SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`);
  }
  return snapshot;
}

const post = (server: TestServer, body: unknown) =>
  fetch(`${server.url}/api/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe.skipIf(!reachable)('two instances sharing one PostgreSQL', () => {
  beforeAll(async () => {
    await withAdmin(async (c) => {
      await dropDatabase(c, database);
      await c.query(`CREATE DATABASE ${database}`);
    });
    const env = { DATABASE_URL: url, DEMO_RESPONSES: '40', DEMO_USERS: '1' };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await withAdmin((c) => dropDatabase(c, database));
  });

  test('started together, they migrated and seeded the empty database exactly once', async () => {
    const units = await countOf('SELECT count(*)::int AS n FROM units');
    const admins = await countOf("SELECT count(*)::int AS n FROM users WHERE username = 'admin'");
    const demo = await countOf('SELECT count(*)::int AS n FROM responses');
    expect(units).toBeGreaterThan(0);
    expect(admins).toBe(1);
    expect(demo).toBeGreaterThanOrEqual(40);
  });

  test('the same response ids sent to both at once are each stored once, and rollups equal a rebuild', async () => {
    const before = await countOf('SELECT count(*)::int AS n FROM responses');
    const points = ['TTHCC-Q01', 'TTHCC-Q02', 'TTHCC-Q03'];
    const bodies = Array.from({ length: 150 }, (_, i) => ({
      id: randomUUID(),
      survey: 'quick',
      point: points[i % points.length],
      channel: i % 2 ? 'qr' : 'web',
      answers: { satisfaction: (i % 3) + 1 },
    }));

    const statuses: number[][] = [];
    for (let i = 0; i < bodies.length; i += 25) {
      const batch = bodies.slice(i, i + 25);
      statuses.push(
        ...(await Promise.all(
          batch.map(async (body) => (await Promise.all([post(a, body), post(b, body)])).map((r) => r.status).sort()),
        )),
      );
    }
    // One instance stored it (201), the other answered the replay (200).
    for (const pair of statuses) expect(pair).toEqual([200, 201]);

    const after = await countOf('SELECT count(*)::int AS n FROM responses');
    expect(after - before).toBe(bodies.length);
    const dup = await query<{ id: string }>(`SELECT id FROM responses GROUP BY id HAVING count(*) > 1`);
    expect(dup).toEqual([]);

    // The same id with other answers, at both at once: one 201, one 409 conflict.
    const id = randomUUID();
    const racing = await Promise.all([
      post(a, { id, survey: 'quick', point: 'TTHCC-Q01', channel: 'qr', answers: { satisfaction: 1 } }),
      post(b, { id, survey: 'quick', point: 'TTHCC-Q01', channel: 'qr', answers: { satisfaction: 3 } }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);

    const incremental = await rollupSnapshot();
    expect(incremental.rollup_answers_day!.length).toBeGreaterThan(0);
    const rebuild = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/admin.ts', 'rollups', 'rebuild'],
      {
        env: { ...process.env, DATABASE_URL: url, APP_SECRET: 'e2e-secret-0123456789abcdef' },
        encoding: 'utf8',
      },
    );
    expect(rebuild.status, rebuild.stderr).toBe(0);
    expect(await rollupSnapshot()).toEqual(incremental);
  });
});

// One engine and one size of the dashboard benchmark, in a process of its own: the app's queries
// use the tables of the engine that DATABASE_URL names when '@/db/schema' loads, so each engine
// needs its own process. Fills the (empty) database, starts the production server on it, times
// the three views and prints one JSON line of results on stdout. Run by bench/indices.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';

import { sql } from 'drizzle-orm';

import { closeDatabase, openDatabase, rawAll, rawRun, setDb, sqliteClient } from '@/db';
import { createApiToken } from '@/db/queries/api-tokens';
import { ANSWER_TIERS } from '@/db/queries/rollup-tiers';
import { createSession } from '@/db/queries/sessions';
import { createUser } from '@/db/queries/users';
import { GET } from '@/app/api/indices/route';
import { getConfig, sqlitePathFromUrl } from '@/lib/config';
import { paramsFromSearch } from '@/lib/dashboard/params';
import { loadDashboard } from '@/server/dashboard';
import { hashToken } from '@/server/secrets';
import { rebuildRollups } from '@/server/rollups';
import { resolveView } from '@/server/view';
import { addDays, localDay, quarterBounds, quarterOf } from '@/lib/time/local';

import { generate, prepare } from './generate';

/** Times in ms; `queries`: statements one dashboard load sends (SQLite only, else 0). */
export type Timing = { api: number; data: number; page: number; queries: number };
export type ViewsResult = {
  runs: number;
  seconds: number;
  bytes: number;
  rollupRows: number;
  /** Rows of each answer tier. */
  tiers: Record<string, number>;
  timings: Record<'a' | 'b' | 'c', Timing>;
};

const DAY_MS = 86_400_000;
const RUNS = 9;
const url = process.env.DATABASE_URL!;
const size = Number(process.env.BENCH_SIZE);
const nowMs = Number(process.env.BENCH_NOW_MS);
const port = Number(process.env.BENCH_PORT ?? 3911);
const pg = url.startsWith('postgres');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 2; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function views(deskCode: string): Record<'a' | 'b' | 'c', string> {
  const today = localDay(nowMs);
  const lastQuarter = quarterBounds(quarterOf(addDays(quarterBounds(quarterOf(today)).from, -1)));
  const q = `from=${lastQuarter.from}&to=${lastQuarter.to}`;
  return {
    a: `survey=sipas&${q}&point=${deskCode}`,
    b: `survey=sipas&${q}`,
    c: `survey=sipas&from=${localDay(nowMs - 731 * DAY_MS)}&to=${today}`,
  };
}

async function startApp(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['scripts/server.mjs'], {
    env: { ...process.env, PORT: String(port), DEMO_RESPONSES: '0' },
    // The app's errors show in the bench's output: a page that fails says why.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null)
      throw new Error(`the app on ${pg ? 'PostgreSQL' : 'SQLite'} exited with ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/api/surveys/sipas`);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('app did not start');
}

const { db, fx } = await prepare(openDatabase(url));
setDb(db);
const token = 'hl_bench-token-0123456789abcdef';
const session = 'bench-session-0123456789abcdef';
await createApiToken(
  db,
  { name: 'bench', tokenHash: hashToken(token), role: 'leader', unitId: null },
  { userId: null, label: 'bench' },
);
const user = await createUser(
  db,
  { username: 'bench', role: 'leader', unitId: null, passwordHash: 'x' },
  { userId: null, label: 'bench' },
);
await createSession(db, { tokenHash: hashToken(session), userId: user.id, now: nowMs + 3_600_000 });

const t0 = performance.now();
// The rollups in one pass after the responses (`admin rollups rebuild`, which the rollup test holds
// equal to the insert path's counts), as on PostgreSQL: inserting a million one by one with their
// ten answer tiers would take most of an hour on a busy 2-core machine.
await generate(db, fx, 0, size, { startMs: nowMs - 730 * DAY_MS, endMs: nowMs - 60_000 }, pg);
if (!pg) await rebuildRollups(db);
if (pg) {
  // What autovacuum would do soon after a bulk load: statistics and the visibility map.
  await rawRun(db, sql`VACUUM ANALYZE`);
} else {
  sqliteClient(db).pragma('wal_checkpoint(TRUNCATE)');
  sqliteClient(db).exec('ANALYZE');
}
const seconds = (performance.now() - t0) / 1000;
const [counts] = await rawAll<{ rollupRows: number; bytes: number }>(
  db,
  pg
    ? sql`SELECT (SELECT count(*) FROM rollup_answers_day) + (SELECT count(*) FROM rollup_answers_month) AS "rollupRows", pg_database_size(current_database()) AS bytes`
    : sql`SELECT (SELECT count(*) FROM rollup_answers_day) + (SELECT count(*) FROM rollup_answers_month) AS "rollupRows", 0 AS bytes`,
);
const tiers: Record<string, number> = {};
for (const tier of ANSWER_TIERS) {
  const [row] = await rawAll<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(tier.name)}`);
  tiers[tier.name] = Number(row!.n);
}
const bytes = pg ? Number(counts!.bytes) : statSync(sqlitePathFromUrl(url)).size;

const principal = { kind: 'token' as const, id: 1, label: 'bench', role: 'leader' as const, unitId: null };
const app = await startApp();
const timings = {} as ViewsResult['timings'];
try {
  for (const [name, query] of Object.entries(views(fx.points[0]!.code)) as ['a' | 'b' | 'c', string][]) {
    const api = await time(async () => {
      const res = await GET(
        new Request(`http://localhost/api/indices?${query}`, { headers: { authorization: `Bearer ${token}` } }),
      );
      if (res.status !== 200) throw new Error(`${query}: ${res.status} ${await res.text()}`);
      await res.json();
    });
    const data = await time(async () => {
      const view = await resolveView(db, principal, paramsFromSearch(new URLSearchParams(query)), nowMs);
      if ('status' in view && !('filter' in view)) throw new Error(view.message);
      await loadDashboard(db, view as Exclude<typeof view, { status: number }>, {
        minResponses: getConfig().MIN_RESPONSES,
      });
    });
    let queries = 0;
    if (!pg) {
      // Counts the statements of one dashboard load: every query of it prepares one.
      const client = sqliteClient(db);
      const prepare = client.prepare.bind(client);
      client.prepare = ((source: string) => {
        queries += 1;
        return prepare(source);
      }) as typeof client.prepare;
      const view = await resolveView(db, principal, paramsFromSearch(new URLSearchParams(query)), nowMs);
      queries = 0;
      await loadDashboard(db, view as Exclude<typeof view, { status: number }>, {
        minResponses: getConfig().MIN_RESPONSES,
      });
      client.prepare = prepare;
    }
    const page = await time(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/dashboard?${query}`, {
        headers: { cookie: `hl_session=${session}` },
      });
      if (res.status !== 200) throw new Error(`/dashboard?${query}: ${res.status}`);
      await res.text();
    });
    timings[name] = { api, data, page, queries };
  }
} finally {
  app.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  await closeDatabase(db);
}
const result: ViewsResult = { runs: RUNS, seconds, bytes, rollupRows: Number(counts!.rollupRows), tiers, timings };
process.stdout.write(`${JSON.stringify(result)}\n`);

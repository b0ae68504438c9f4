// Ingest benchmark (docs/contracts.md, service goals): the production server against the raw limit of a bare Node http
// server, driven alternately by wrk with the same load: a bare server doing a plain insert of the
// response and its answers (no rollups) and one that also upserts the seven rollup tiers, at 50
// and 200 connections, into an empty database and into one already holding BENCH_INGEST_STORED
// responses. `npm run bench -- --db postgres` runs the same app on PostgreSQL (TEST_POSTGRES_URL's
// server, a fresh database) in the same rounds. Two floors are measured beside them: Next's own
// (a POST that Next routes to a trivial route handler, the catch-all of app/api/[...path]) and a
// bare Node http server that parses the body and answers without touching a database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ADMIN_URL, urlOf, withAdmin } from '@/tests/helpers/pg';

const DURATION = process.env.BENCH_SECONDS ?? '10';
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '50,200').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
// 1 M by default; generating it takes minutes per engine on a 2-core machine. 0: the empty database only.
const STORED = Number(process.env.BENCH_INGEST_STORED ?? 1_000_000);
// A database of its own on a server that others may share.
const PG_DATABASE = process.env.BENCH_PG_DATABASE ?? 'hl_bench_ingest';
// Filled databases are kept here (a SQLite file, and on PostgreSQL a template database named
// after PG_DATABASE) and copied by later runs instead of generated again; unset, nothing is kept.
const CACHE = process.env.BENCH_INGEST_CACHE;
const SERVERS = { app: 3901, tiers: 3902, pg: 3903, plain: 3904, floor: 3905 } as const;
/** `next`: Next's floor, served by the app's own process on another path. */
type Server = keyof typeof SERVERS | 'next';
const FLOOR_PATH = '/api/bench-floor';

type Run = { rps: number; p50: number; p99: number; errors: number };

/** Migrates and seeds the database at `url` and stores `stored` generated responses with their rollups. */
async function fill(url: string, stored: number): Promise<{ versionId: number; pointId: number; unitId: number }> {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/ingest-fill.ts'], {
    env: { ...process.env, DATABASE_URL: url, BENCH_STORED: String(stored), APP_SECRET: 'bench-secret-0123456789' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`filling ${url} exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function waitReady(url: string, child: ChildProcess) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited`);
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not start`);
}

function wrk(url: string, connections: number, seconds = DURATION): Run {
  // wrk drops a request slower than its 2 s default timeout from the latency figures and counts
  // it as a socket error, which would flatter p99 under load: 30 s keeps every request in.
  const r = spawnSync(
    'wrk',
    ['-t2', `-c${connections}`, `-d${seconds}s`, '--timeout', '30s', '--latency', '-s', 'bench/post-sipas.lua', url],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
  const out = r.stdout;
  const ms = (label: string) => {
    const m = out.match(new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`));
    if (!m) return NaN;
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
  };
  const non2xx = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  const socket = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const errors = non2xx + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return { rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1]), p50: ms('50'), p99: ms('99'), errors };
}

const peakRssMb = (pid: number) =>
  Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Measured = Record<number, Partial<Record<Server, Run>>>;

/** Starts the servers on databases holding `stored` responses and measures every one of them. */
async function measure(dir: string, stored: number, withPg: boolean): Promise<{ runs: Measured; rss: string }> {
  const appDb = join(dir, `app-${stored}.db`);
  const started = performance.now();
  const cached = CACHE && stored > 0 ? join(CACHE, `stored-${stored}.db`) : undefined;
  let ids: Awaited<ReturnType<typeof fill>>;
  if (cached && existsSync(`${cached}.json`)) {
    copyFileSync(cached, appDb);
    ids = JSON.parse(readFileSync(`${cached}.json`, 'utf8'));
  } else {
    ids = await fill(`file:${appDb}`, stored);
    if (cached) {
      mkdirSync(CACHE!, { recursive: true });
      copyFileSync(appDb, cached);
      writeFileSync(`${cached}.json`, JSON.stringify(ids));
    }
  }
  // The bare servers start from a copy of the same file: same rows, same rollups.
  copyFileSync(appDb, join(dir, `plain-${stored}.db`));
  copyFileSync(appDb, join(dir, `tiers-${stored}.db`));
  console.log(
    `  SQLite: ${stored.toLocaleString('en')} responses stored in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  if (withPg) {
    const t = performance.now();
    const template = CACHE && stored > 0 ? `${PG_DATABASE}_stored_${stored}` : undefined;
    const kept = template
      ? await withAdmin(
          async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount === 1,
        )
      : false;
    await withAdmin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${PG_DATABASE}${kept ? ` TEMPLATE ${template}` : ''}`);
    });
    if (!kept) {
      await fill(urlOf(PG_DATABASE), stored);
      if (template) await withAdmin((c) => c.query(`CREATE DATABASE ${template} TEMPLATE ${PG_DATABASE}`));
    }
    console.log(
      `  PostgreSQL: ${stored.toLocaleString('en')} responses stored in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );
  }
  const env = {
    ...process.env,
    RATE_LIMIT_PER_MINUTE: '0',
    BURST_RESPONSES: '0',
    APP_SECRET: 'bench-secret-0123456789',
    DEMO_RESPONSES: '0',
    DEMO_USERS: '0',
  };
  const bare = (file: string, mode: 'plain' | 'tiers' | 'floor') =>
    spawn(
      process.execPath,
      [
        'bench/bare-server.mjs',
        String(SERVERS[mode]),
        join(dir, file),
        String(ids.versionId),
        String(ids.pointId),
        String(ids.unitId),
        mode,
      ],
      { stdio: 'ignore' },
    );
  const children: Partial<Record<Server, ChildProcess>> = {
    app: spawn(process.execPath, ['scripts/server.mjs'], {
      env: { ...env, PORT: String(SERVERS.app), DATABASE_URL: `file:${appDb}` },
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
    tiers: bare(`tiers-${stored}.db`, 'tiers'),
    plain: bare(`plain-${stored}.db`, 'plain'),
    floor: bare(`plain-${stored}.db`, 'floor'),
  };
  if (withPg)
    children.pg = spawn(process.execPath, ['scripts/server.mjs'], {
      env: { ...env, PORT: String(SERVERS.pg), DATABASE_URL: urlOf(PG_DATABASE) },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  // The servers say on stopping how many answers their group commits carried.
  const said: Partial<Record<Server, string>> = {};
  for (const s of ['app', 'pg'] as const)
    children[s]?.stdout!.on('data', (chunk: Buffer) => (said[s] = (said[s] ?? '') + chunk.toString()));
  const processes = Object.keys(children) as Exclude<Server, 'next'>[];
  const names: Server[] = [...processes, 'next'];
  const url = (s: Server) =>
    s === 'next' ? `http://127.0.0.1:${SERVERS.app}${FLOOR_PATH}` : `http://127.0.0.1:${SERVERS[s]}`;
  try {
    for (const s of processes)
      await waitReady(s === 'app' || s === 'pg' ? `${url(s)}/api/surveys/sipas` : `${url(s)}/`, children[s]!);
    // Warm every server up (JIT, page cache, the app's caches) before measuring.
    for (const s of names) wrk(url(s), 10, '3');
    const runs: Measured = {};
    for (const c of CONNECTIONS) {
      const all: Partial<Record<Server, Run[]>> = {};
      for (let i = 0; i < ROUNDS; i++) for (const s of names) (all[s] ??= []).push(wrk(url(s), c));
      runs[c] = Object.fromEntries(
        names.map((s) => {
          const rs = all[s]!;
          return [
            s,
            {
              rps: median(rs.map((r) => r.rps)),
              p50: median(rs.map((r) => r.p50)),
              p99: median(rs.map((r) => r.p99)),
              errors: rs.reduce((a, r) => a + r.errors, 0),
            },
          ];
        }),
      );
    }
    const rss = processes.map((s) => `${s} ${peakRssMb(children[s]!.pid!).toFixed(0)} MB`).join(', ');
    return { runs, rss };
  } finally {
    for (const s of processes) children[s]!.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    for (const s of ['app', 'pg'] as const) {
      const line = said[s]?.split('\n').find((l) => l.includes('group commits'));
      if (line) console.log(`  ${LABELS[s]}: ${line.replace(/^Hài Lòng: /, '')}`);
    }
    if (withPg)
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`)).catch(() => undefined);
  }
}

const f0 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(0));
const f2 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(2));
const lat = (r: Run | undefined) => (r ? `${r.p50.toFixed(1)}/${r.p99.toFixed(1)}` : '–');
const mark = (x: number, ok: boolean) => (Number.isFinite(x) ? (ok ? 'met' : 'NOT met') : '–');

const LABELS: Record<Server, string> = {
  app: 'app on SQLite',
  pg: 'app on PostgreSQL',
  plain: 'bare, plain insert',
  tiers: 'bare, seven tiers',
  floor: 'bare, no database (floor)',
  next: 'Next, trivial handler (floor)',
};

/** Each server's figures, then the goals' ratios beside the goals. */
function report(runs: Measured): void {
  for (const c of CONNECTIONS) {
    const r = runs[c]!;
    console.log(`  ${c} connections`);
    for (const s of Object.keys(LABELS) as Server[]) {
      const x = r[s];
      if (!x) continue;
      // Next's floor answers 404 from the catch-all route by design: not an error.
      const errors = s === 'next' ? '' : x.errors > 0 ? `, ${x.errors} errors` : '';
      console.log(`    ${LABELS[s].padEnd(30)} ${f0(x.rps).padStart(6)} req/s, p50/p99 ${lat(x)} ms${errors}`);
    }
    const app = r.app!;
    const plain = r.plain!;
    const ratio = app.rps / plain.rps;
    const p99 = app.p99 / plain.p99;
    console.log(`    app ÷ plain ${f2(ratio)} (goal ≥ 0.5: ${mark(ratio, ratio >= 0.5)})`);
    console.log(`    app p99 ÷ plain p99 ${f2(p99)} (goal ≤ 2: ${mark(p99, p99 <= 2)})`);
    console.log(`    app ÷ seven tiers ${f2(app.rps / r.tiers!.rps)}`);
    if (r.pg) {
      const pg = r.pg.rps / app.rps;
      console.log(`    PostgreSQL app ÷ SQLite app ${f2(pg)} (goal ≥ 0.5: ${mark(pg, pg >= 0.5)})`);
    }
    if (r.next)
      console.log(
        `    Next's floor ÷ plain ${f2(r.next.rps / plain.rps)} (what any route behind Next's router could reach)`,
      );
    if (r.floor) console.log(`    app ÷ no-database floor ${f2(app.rps / r.floor.rps)}`);
  }
}

export async function benchIngest() {
  if (spawnSync('wrk', ['--version']).error) {
    throw new Error('wrk is needed for the ingest benchmark: apt-get install -y wrk');
  }
  spawnSync(process.execPath, ['scripts/start.mjs', '--build-if-needed'], { stdio: 'inherit' });
  const withPg = process.argv.includes('postgres');
  const dir = mkdtempSync(join(tmpdir(), 'hailong-bench-'));
  const sizes = STORED > 0 ? [0, STORED] : [0];
  const results: Record<number, Measured> = {};
  console.log(
    `\nIngest: POST /api/responses (SIPAS, 23 scored answers), ${DURATION} s per run, ${ROUNDS} alternating rounds, median`,
  );
  if (withPg) console.log(`PostgreSQL: ${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')}, database ${PG_DATABASE}`);
  try {
    for (const stored of sizes) {
      const { runs, rss } = await measure(dir, stored, withPg);
      results[stored] = runs;
      console.log(`\nInto a database holding ${stored.toLocaleString('en')} responses (peak RSS: ${rss})`);
      report(runs);
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `app-${stored}.db${suffix}`), { force: true });
    }
    if (STORED > 0) {
      console.log(`\nIngest into ${STORED.toLocaleString('en')} stored ÷ into empty (req/s; goal for the app ≥ 0.8):`);
      for (const c of CONNECTIONS) {
        const ratio = (s: Server) => (results[STORED]![c]![s]?.rps ?? NaN) / (results[0]![c]![s]?.rps ?? NaN);
        const goal = (s: Server) => `${f2(ratio(s))} (${mark(ratio(s), ratio(s) >= 0.8)})`;
        console.log(
          `  ${c} connections: app ${goal('app')}${withPg ? `, pg ${goal('pg')}` : ''}, plain ${f2(ratio('plain'))}, seven tiers ${f2(ratio('tiers'))}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

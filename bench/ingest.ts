// Ingest benchmark (docs/contracts.md, service goals): the production server against the raw limit of a bare Node http
// server, driven alternately by wrk with the same load: a bare server doing a plain insert of the
// response and its answers (no rollups) and one that also upserts the seven rollup tiers, at 50
// and 200 connections, into an empty database and into one already holding BENCH_INGEST_STORED
// responses. `npm run bench -- --db postgres` runs the same app on PostgreSQL (TEST_POSTGRES_URL's
// server, a fresh database) in the same rounds.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ADMIN_URL, urlOf, withAdmin } from '@/tests/helpers/pg';

const DURATION = process.env.BENCH_SECONDS ?? '10';
const CONNECTIONS = [50, 200];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
// 1 M by default; generating it takes minutes per engine on a 2-core machine.
const STORED = Number(process.env.BENCH_INGEST_STORED ?? 1_000_000);
const PG_DATABASE = 'hl_bench_ingest';
const SERVERS = { app: 3901, tiers: 3902, pg: 3903, plain: 3904 } as const;
type Server = keyof typeof SERVERS;

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
  const ids = await fill(`file:${appDb}`, stored);
  // The bare servers start from a copy of the same file: same rows, same rollups.
  copyFileSync(appDb, join(dir, `plain-${stored}.db`));
  copyFileSync(appDb, join(dir, `tiers-${stored}.db`));
  console.log(
    `  SQLite: ${stored.toLocaleString('en')} responses stored in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  if (withPg) {
    const t = performance.now();
    await withAdmin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${PG_DATABASE}`);
    });
    await fill(urlOf(PG_DATABASE), stored);
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
  const bare = (file: string, mode: string) =>
    spawn(
      process.execPath,
      [
        'bench/bare-server.mjs',
        String(SERVERS[mode === 'plain' ? 'plain' : 'tiers']),
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
      stdio: 'ignore',
    }),
    tiers: bare(`tiers-${stored}.db`, 'tiers'),
    plain: bare(`plain-${stored}.db`, 'plain'),
  };
  if (withPg)
    children.pg = spawn(process.execPath, ['scripts/server.mjs'], {
      env: { ...env, PORT: String(SERVERS.pg), DATABASE_URL: urlOf(PG_DATABASE) },
      stdio: 'ignore',
    });
  const names = Object.keys(children) as Server[];
  const url = (s: Server) => `http://127.0.0.1:${SERVERS[s]}`;
  try {
    for (const s of names)
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
    const rss = names.map((s) => `${s} ${peakRssMb(children[s]!.pid!).toFixed(0)} MB`).join(', ');
    return { runs, rss };
  } finally {
    for (const s of names) children[s]!.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    if (withPg)
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`)).catch(() => undefined);
  }
}

const f0 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(0));
const f2 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(2));
const lat = (r: Run | undefined) => (r ? `${r.p50.toFixed(1)}/${r.p99.toFixed(1)}` : '–');

export async function benchIngest() {
  if (spawnSync('wrk', ['--version']).error) {
    throw new Error('wrk is needed for the ingest benchmark: apt-get install -y wrk');
  }
  spawnSync(process.execPath, ['scripts/start.mjs', '--build-if-needed'], { stdio: 'inherit' });
  const withPg = process.argv.includes('postgres');
  const dir = mkdtempSync(join(tmpdir(), 'hailong-bench-'));
  const sizes = [0, STORED];
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
      console.log(
        'conns | app req/s | pg req/s | plain req/s | 7-tier req/s | app÷plain | app÷7-tier | pg÷app | p50/p99 ms: app | pg | plain | 7-tier | app p99÷plain p99 | errors',
      );
      for (const c of CONNECTIONS) {
        const r = runs[c]!;
        console.log(
          [
            String(c).padStart(5),
            f0(r.app?.rps).padStart(9),
            f0(r.pg?.rps).padStart(8),
            f0(r.plain?.rps).padStart(11),
            f0(r.tiers?.rps).padStart(12),
            f2(r.app!.rps / r.plain!.rps).padStart(9),
            f2(r.app!.rps / r.tiers!.rps).padStart(10),
            f2(r.pg ? r.pg.rps / r.app!.rps : undefined).padStart(6),
            `${lat(r.app)} | ${lat(r.pg)} | ${lat(r.plain)} | ${lat(r.tiers)}`.padStart(15),
            f2(r.app!.p99 / r.plain!.p99).padStart(17),
            String(Object.values(r).reduce((a, x) => a + x.errors, 0)).padStart(6),
          ].join(' | '),
        );
      }
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `app-${stored}.db${suffix}`), { force: true });
    }
    console.log(`\nIngest into ${STORED.toLocaleString('en')} stored ÷ into empty (req/s):`);
    for (const c of CONNECTIONS) {
      const ratio = (s: Server) => f2((results[STORED]![c]![s]?.rps ?? NaN) / (results[0]![c]![s]?.rps ?? NaN));
      console.log(
        `  ${c} connections: app ${ratio('app')}${withPg ? `, pg ${ratio('pg')}` : ''}, plain ${ratio('plain')}, 7-tier ${ratio('tiers')}`,
      );
    }
    console.log(
      'goals: app ÷ plain ≥ 0.5 and app p99 ÷ plain p99 ≤ 2 (SQLite); pg ÷ app ≥ 0.5; at the stored size ÷ empty ≥ 0.8',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

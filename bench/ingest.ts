// Ingest benchmark (issue 6, DESIGN §5): the production server against the raw limit of a bare
// Node http server doing the same insert, driven alternately by wrk with the same load.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sql } from 'drizzle-orm';

import { closeDatabase, migrateDatabase, openSqlite, rawAll } from '@/db';
import { seedReferenceData, seedSurveys } from '@/server/seed';
import { ADMIN_URL, urlOf, withAdmin } from '@/tests/helpers/pg';

const DURATION = process.env.BENCH_SECONDS ?? '10';
const CONNECTIONS = [50, 200];
const ROUNDS = 2;

type Run = { rps: number; p50: number; p99: number; errors: number };

// SQLite files for now: the bare server below writes to one with better-sqlite3 directly.
async function prepareDb(path: string) {
  const db = openSqlite(path);
  await migrateDatabase(db);
  await seedReferenceData(db);
  await seedSurveys(db);
  const [ids] = await rawAll<{ versionId: number; pointId: number; unitId: number }>(
    db,
    sql`SELECT sv.id AS "versionId", p.id AS "pointId", p.unit_id AS "unitId" FROM survey_versions sv
        JOIN surveys s ON s.id = sv.survey_id, service_points p WHERE s.slug = 'sipas' AND p.code = 'TTHCC-Q01'`,
  );
  await closeDatabase(db);
  if (!ids) throw new Error('the seed has no SIPAS survey or no desk TTHCC-Q01');
  return ids;
}

async function waitReady(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
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

function wrk(url: string, connections: number): Run {
  // wrk drops a request slower than its 2 s default timeout from the latency figures and counts
  // it as a socket error, which would flatter p99 under load: 30 s keeps every request in.
  const r = spawnSync('wrk', ['-t2', `-c${connections}`, `-d${DURATION}s`, '--timeout', '30s', '--latency', '-s', 'bench/post-sipas.lua', url], {
    encoding: 'utf8',
  });
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

export async function benchIngest() {
  if (spawnSync('wrk', ['--version']).error) {
    throw new Error('wrk is needed for the ingest benchmark: apt-get install -y wrk');
  }
  spawnSync(process.execPath, ['scripts/start.mjs', '--build-if-needed'], { stdio: 'inherit' });

  const dir = mkdtempSync(join(tmpdir(), 'hailong-bench-'));
  const appDb = join(dir, 'app.db');
  const bareDb = join(dir, 'bare.db');
  await prepareDb(appDb);
  const ids = await prepareDb(bareDb);

  const app = spawn(process.execPath, ['scripts/server.mjs'], {
    env: { ...process.env, PORT: '3901', DATABASE_URL: `file:${appDb}`, RATE_LIMIT_PER_MINUTE: '0', BURST_RESPONSES: '0', APP_SECRET: 'bench-secret-0123456789' },
    stdio: 'ignore',
  });
  // `npm run bench -- --db postgres`: the same app on PostgreSQL (TEST_POSTGRES_URL's server, a
  // fresh database), measured in the same rounds.
  const pgDatabase = process.argv.includes('postgres') ? 'hl_bench_ingest' : null;
  if (pgDatabase) {
    await withAdmin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${pgDatabase} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${pgDatabase}`);
    });
  }
  const appPg = pgDatabase
    ? spawn(process.execPath, ['scripts/server.mjs'], {
        env: { ...process.env, PORT: '3903', DATABASE_URL: urlOf(pgDatabase), RATE_LIMIT_PER_MINUTE: '0', BURST_RESPONSES: '0', APP_SECRET: 'bench-secret-0123456789', DEMO_RESPONSES: '0', DEMO_USERS: '0' },
        stdio: 'ignore',
      })
    : null;
  const bare = spawn(
    process.execPath,
    ['bench/bare-server.mjs', '3902', bareDb, String(ids.versionId), String(ids.pointId), String(ids.unitId)],
    { stdio: 'ignore' },
  );
  try {
    await Promise.all([waitReady('http://127.0.0.1:3901/api/surveys/sipas', app), waitReady('http://127.0.0.1:3902/', bare)]);
    // Warm both up (JIT, page cache, the app's per-version validator) before measuring.
    wrk('http://127.0.0.1:3901', 10);
    wrk('http://127.0.0.1:3902', 10);
    if (appPg) {
      await waitReady('http://127.0.0.1:3903/api/surveys/sipas', appPg);
      wrk('http://127.0.0.1:3903', 10);
    }
    const pgRows: string[] = [];

    console.log(`\nIngest: POST /api/responses (SIPAS, 23 scored answers), ${DURATION} s per run, ${ROUNDS} alternating rounds, median`);
    console.log('conns | app req/s | bare req/s | ratio | app p50/p99 ms | bare p50/p99 ms | p99 ratio | errors');
    for (const c of CONNECTIONS) {
      const a: Run[] = [];
      const b: Run[] = [];
      const p: Run[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        a.push(wrk('http://127.0.0.1:3901', c));
        b.push(wrk('http://127.0.0.1:3902', c));
        if (appPg) p.push(wrk('http://127.0.0.1:3903', c));
      }
      const m = (runs: Run[], k: keyof Run) => median(runs.map((r) => r[k]));
      if (appPg) {
        pgRows.push(
          [
            String(c).padStart(5),
            m(p, 'rps').toFixed(0).padStart(8),
            (m(p, 'rps') / m(b, 'rps')).toFixed(2).padStart(10),
            (m(p, 'rps') / m(a, 'rps')).toFixed(2).padStart(12),
            `${m(p, 'p50').toFixed(1)}/${m(p, 'p99').toFixed(1)}`.padStart(12),
            (m(p, 'p99') / m(b, 'p99')).toFixed(2).padStart(15),
            String(p.reduce((s, r) => s + r.errors, 0)).padStart(6),
          ].join(' | '),
        );
      }
      console.log(
        [
          String(c).padStart(5),
          m(a, 'rps').toFixed(0).padStart(9),
          m(b, 'rps').toFixed(0).padStart(10),
          (m(a, 'rps') / m(b, 'rps')).toFixed(2).padStart(5),
          `${m(a, 'p50').toFixed(1)}/${m(a, 'p99').toFixed(1)}`.padStart(13),
          `${m(b, 'p50').toFixed(1)}/${m(b, 'p99').toFixed(1)}`.padStart(15),
          (m(a, 'p99') / m(b, 'p99')).toFixed(2).padStart(9),
          String(a.reduce((s, r) => s + r.errors, 0) + b.reduce((s, r) => s + r.errors, 0)).padStart(6),
        ].join(' | '),
      );
    }
    console.log(`peak RSS: app ${peakRssMb(app.pid!).toFixed(0)} MB, bare ${peakRssMb(bare.pid!).toFixed(0)} MB`);
    if (appPg) {
      console.log(`\nThe same app on PostgreSQL (${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')}, same rounds)`);
      console.log('conns | pg req/s | ÷ bare rps | ÷ app sqlite | pg p50/p99 ms | p99 ÷ bare p99 | errors');
      for (const row of pgRows) console.log(row);
      console.log(`peak RSS: app on PostgreSQL ${peakRssMb(appPg.pid!).toFixed(0)} MB`);
    }
    console.log('goal at 50 connections: req/s ratio ≥ 0.5 and p99 ratio ≤ 2');
  } finally {
    app.kill('SIGTERM');
    bare.kill('SIGTERM');
    appPg?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

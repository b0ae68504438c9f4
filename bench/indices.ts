// Dashboard benchmark (docs/contracts.md, service goals): GET /api/indices and the whole dashboard for
// (a) one quarter × one desk, (b) one quarter × all desks, (c) all time × everything, at 100 k and
// 1 M responses (BENCH_SIZES to change), and insert throughput with and without the rollups.
// `npm run bench -- --db postgres` times the same responses on PostgreSQL too (a fresh database
// on TEST_POSTGRES_URL's server), in the same run. Each engine and size runs in a process of its
// own (bench/indices-views.ts), because the app picks its tables by DATABASE_URL at load.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { closeDatabase, openSqlite } from '@/db';
import { ADMIN_URL, urlOf, withAdmin } from '@/tests/helpers/pg';

import { generate, prepare } from './generate';
import type { ViewsResult } from './indices-views';

const DAY_MS = 86_400_000;
const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
// Its own database on a shared server: BENCH_PG_DATABASE names another when several people bench there.
const PG_DATABASE = process.env.BENCH_PG_DATABASE ?? 'hl_bench_indices';
const APP_SECRET = 'bench-secret-0123456789';
// Responses a day in the insert-throughput rounds (BENCH_INSERT_PER_DAY for a quicker run).
const PER_DAY = Number(process.env.BENCH_INSERT_PER_DAY ?? 20_000);
type Engine = 'sqlite' | 'postgres';
const VIEWS = ['a', 'b', 'c'] as const;
const LABELS = { a: '(a) quarter × one desk', b: '(b) quarter × all desks', c: '(c) all time × everything' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const recreatePg = () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`));

/** Fills a fresh database of `engine` with `size` responses in a child process and times the views there. */
async function measure(engine: Engine, size: number, dir: string, nowMs: number): Promise<ViewsResult> {
  let url = `file:${join(dir, `big-${size}.db`)}`;
  if (engine === 'postgres') {
    await recreatePg();
    await withAdmin((c) => c.query(`CREATE DATABASE ${PG_DATABASE}`));
    url = urlOf(PG_DATABASE);
  }
  try {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/indices-views.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        APP_SECRET,
        BENCH_SIZE: String(size),
        BENCH_NOW_MS: String(nowMs),
        DEMO_USERS: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`${engine} at ${size}: the measuring process exited with ${code}`);
    return JSON.parse(out.trim().split('\n').pop()!) as ViewsResult;
  } finally {
    if (engine === 'postgres') await recreatePg();
    else rmSync(url.slice('file:'.length), { force: true });
  }
}

export async function benchIndices() {
  spawnSync(process.execPath, ['scripts/start.mjs', '--build-if-needed'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'hailong-bench-indices-'));
  const nowMs = Date.now();
  const engines: Engine[] = process.argv.includes('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];
  try {
    // Insert throughput on SQLite, responses + 23 answers, with and without the six rollup tiers.
    const plain = await prepare(openSqlite(join(dir, 'plain.db')));
    const kept = await prepare(openSqlite(join(dir, 'kept.db')));
    // PER_DAY responses a day for four days: the rollups' day rows fill up as they do in production.
    const day = (k: number) => ({ startMs: nowMs - (5 - k) * DAY_MS, endMs: nowMs - (4 - k) * DAY_MS });
    const WARM = 5_000; // the warm-up's ids come first, so a small PER_DAY cannot reuse them
    await generate(plain.db, plain.fx, 0, WARM, day(0), false);
    await generate(kept.db, kept.fx, 0, WARM, day(0), true);
    const rates = async (p: typeof plain, rollups: boolean) => {
      const out: number[] = [];
      for (const k of [1, 2, 3])
        out.push(await generate(p.db, p.fx, WARM + k * PER_DAY, WARM + (k + 1) * PER_DAY, day(k), rollups));
      return out;
    };
    const without = median(await rates(plain, false));
    const withRollups = median(await rates(kept, true));
    await closeDatabase(plain.db);
    await closeDatabase(kept.db);
    console.log('\nInsert throughput in one process (batches of 10,000 per transaction, SIPAS response + 23 answers)');
    console.log(
      `without rollups ${without.toFixed(0)} /s · with rollups ${withRollups.toFixed(0)} /s · ratio ${(withRollups / without).toFixed(2)}`,
    );

    const results: Record<Engine, Record<number, ViewsResult>> = { sqlite: {}, postgres: {} };
    for (const size of SIZES) {
      for (const engine of engines) {
        const r = await measure(engine, size, dir, nowMs);
        results[engine][size] = r;
        console.log(
          `\n${engine}: ${size.toLocaleString('en')} responses generated in ${r.seconds.toFixed(0)} s; database ${(r.bytes / 1e9).toFixed(2)} GB; ${r.rollupRows.toLocaleString('en')} answer rollup rows (day + month)`,
        );
        console.log(
          `answer tier rows: ${Object.entries(r.tiers)
            .map(([name, n]) => `${name.replace('rollup_answers_', '')} ${n.toLocaleString('en')}`)
            .join(' · ')}`,
        );
      }
    }

    for (const engine of engines) {
      const where = engine === 'sqlite' ? 'SQLite' : `PostgreSQL (${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')})`;
      console.log(
        `\nDashboards on ${where}, median of ${results[engine][SIZES[0]!]!.runs} (ms): /api/indices in process · dashboard data (every query) · /dashboard page over HTTP`,
      );
      console.log(
        'view                         | ' +
          SIZES.map((s) => `${(s / 1000).toFixed(0)} k: api / data / page`.padEnd(28)).join(' | ') +
          ' | last ÷ first size, api / page',
      );
      for (const name of VIEWS) {
        const at = (s: number) => results[engine][s]!.timings[name];
        const cells = SIZES.map((s) =>
          `${at(s).api.toFixed(1)} / ${at(s).data.toFixed(1)} / ${at(s).page.toFixed(1)}`.padEnd(28),
        );
        const firstSize = at(SIZES[0]!);
        const last = at(SIZES[SIZES.length - 1]!);
        console.log(
          `${LABELS[name].padEnd(28)} | ${cells.join(' | ')} | ${(last.api / firstSize.api).toFixed(2)} / ${(last.page / firstSize.page).toFixed(2)}`,
        );
      }
      if (engine === 'sqlite')
        console.log(
          `statements per dashboard load (a / b / c): ${VIEWS.map((name) => results[engine][SIZES[0]!]!.timings[name].queries).join(' / ')}`,
        );
    }
    if (engines.includes('postgres')) {
      console.log('\nPostgreSQL ÷ SQLite, the same responses: api / data / page');
      for (const name of VIEWS) {
        const cells = SIZES.map((s) => {
          const p = results.postgres[s]!.timings[name];
          const q = results.sqlite[s]!.timings[name];
          return `${(s / 1000).toFixed(0)} k: ${(p.api / q.api).toFixed(2)} / ${(p.data / q.data).toFixed(2)} / ${(p.page / q.page).toFixed(2)}`.padEnd(
            28,
          );
        });
        console.log(`${LABELS[name].padEnd(28)} | ${cells.join(' | ')}`);
      }
    }
    console.log('goals at 1 M: (a) api < 20 ms; every view < 150 ms; 1 M time ≤ 2 × the 100 k time');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Dashboard benchmark (issue 7, DESIGN §5): GET /api/indices and the whole dashboard for
// (a) one quarter × one desk, (b) one quarter × all desks, (c) all time × everything, at 100 k and
// 1 M responses (BENCH_SIZES to change), and insert throughput with and without the rollups.
// Responses are generated with direct prepared inserts (one transaction per 10,000), not HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sql } from 'drizzle-orm';

import { closeDatabase, migrateDatabase, openSqlite, rawAll, setDb, sqliteClient, withTransaction, type Db } from '@/db';
import { createApiToken } from '@/db/queries/api-tokens';
import { createRollupWriter, type RollupWriter } from '@/db/queries/rollup-writes';
import { createSession } from '@/db/queries/sessions';
import { createUser } from '@/db/queries/users';
import { seedReferenceData, seedSurveys } from '@/db/seed';
import { seededRandom } from '@/lib/demo/random';
import { getConfig } from '@/lib/config';
import { hashToken } from '@/lib/server/secrets';
import { localDay, quarterBounds, quarterOf, addDays } from '@/lib/time/local';

const DAY_MS = 86_400_000;
const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const RUNS = 9;

type Fixture = {
  versionId: number;
  points: { id: number; unitId: number; code: string; procedures: number[] }[];
  questions: string[];
  satisfiedFrom: number;
};

// SQLite files for now: `generate` writes through better-sqlite3's prepared statements directly.
async function prepare(path: string): Promise<{ db: Db; fx: Fixture }> {
  const db = openSqlite(path);
  await migrateDatabase(db);
  await seedReferenceData(db);
  await seedSurveys(db);
  const [version] = await rawAll<{ id: number; definition: string }>(
    db,
    sql`SELECT sv.id, sv.definition FROM survey_versions sv JOIN surveys s ON s.id = sv.survey_id WHERE s.slug = 'sipas' ORDER BY sv.version DESC LIMIT 1`,
  );
  if (!version) throw new Error('the seed has no SIPAS survey');
  const versionId = version.id;
  const points: Fixture['points'] = [];
  for (const p of await rawAll<Omit<Fixture['points'][number], 'procedures'>>(db, sql`SELECT id, unit_id AS "unitId", code FROM service_points ORDER BY id`)) {
    const procedures = await rawAll<{ id: number }>(db, sql`SELECT procedure_id AS id FROM point_procedures WHERE point_id = ${p.id} ORDER BY procedure_id`);
    points.push({ ...p, procedures: procedures.map((r) => r.id) });
  }
  const definition = JSON.parse(version.definition);
  const questions: string[] = [];
  const walk = (els: { name?: string; type?: string; dimension?: string; elements?: unknown[] }[]) => {
    for (const e of els) {
      if (e.type === 'radiogroup' && e.dimension) questions.push(e.name!);
      if (e.elements) walk(e.elements as typeof els);
    }
  };
  for (const page of definition.pages) walk(page.elements);
  return { db, fx: { versionId, points, questions, satisfiedFrom: 4 } };
}

/**
 * Inserts responses number `from … to-1` in time order, evenly over [startMs, endMs), as they
 * arrive in production (so the rollups' recent pages stay hot); rollups kept unless `rollups` is
 * false. Returns responses per second.
 */
async function generate(db: Db, fx: Fixture, from: number, to: number, span: { startMs: number; endMs: number }, rollups: boolean): Promise<number> {
  // Raw prepared statements for the responses and answers, the rollups as the app writes them.
  const c = sqliteClient(db);
  const random = seededRandom(from + 1);
  const insertResponse = c.prepare(
    `INSERT INTO responses (id, survey_version_id, point_id, unit_id, procedure_id, channel, completed_at, received_at, body_hash, answers, flags)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, 0)`,
  );
  const rowCount = fx.questions.length + 1;
  const insertAnswers = c.prepare(`INSERT INTO answers (response_id, question, value) VALUES ${Array.from({ length: rowCount }, () => '(?, ?, ?)').join(', ')}`);
  const writer: RollupWriter | null = rollups ? createRollupWriter(db) : null;
  const channels = ['kiosk', 'qr', 'web', 'hotline'];
  const step = (span.endMs - span.startMs) / Math.max(1, to - from);
  const started = performance.now();
  // The raw statements run on the connection the transaction holds, so they commit with it.
  const batch = (first: number, last: number) =>
    withTransaction(db, async () => {
      for (let i = first; i < last; i++) {
        const point = fx.points[i % fx.points.length]!;
        const completedAt = Math.floor(span.startMs + (i - from) * step + random() * step);
        const id = `b${i.toString(36).padStart(10, '0')}-0000-4000-a000-000000000000`;
        const scored: { question: string; value: number }[] = [];
        let satisfied = 0;
        const params: (string | number)[] = [];
        const answers: Record<string, number> = {};
        for (const q of fx.questions) {
          const value = random() < 0.82 ? 4 + Math.round(random()) : 1 + Math.floor(random() * 3);
          if (value >= fx.satisfiedFrom) satisfied += 1;
          scored.push({ question: q, value });
          answers[q] = value;
          params.push(id, q, value);
        }
        scored.push({ question: 'overall', value: 4 });
        params.push(id, 'overall', 4);
        answers.overall = 4;
        const procedureId = point.procedures.length > 0 && random() < 0.85 ? point.procedures[Math.floor(random() * point.procedures.length)]! : null;
        const channel = channels[Math.floor(random() * 4)]!;
        insertResponse.run(id, fx.versionId, point.id, point.unitId, procedureId, channel, completedAt, completedAt, JSON.stringify(answers));
        insertAnswers.run(params);
        await writer?.(
          { surveyVersionId: fx.versionId, unitId: point.unitId, pointId: point.id, procedureId, channel, completedAt, flags: 0 },
          scored,
          { answers: fx.questions.length, satisfied },
        );
      }
    });
  for (let i = from; i < to; i += 10_000) await batch(i, Math.min(to, i + 10_000));
  return ((to - from) / (performance.now() - started)) * 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(run: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 2; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

type Views = Record<'a' | 'b' | 'c', string>;

function views(nowMs: number, deskCode: string): Views {
  const today = localDay(nowMs);
  const lastQuarter = quarterBounds(quarterOf(addDays(quarterBounds(quarterOf(today)).from, -1)));
  const q = `from=${lastQuarter.from}&to=${lastQuarter.to}`;
  return {
    a: `survey=sipas&${q}&point=${deskCode}`,
    b: `survey=sipas&${q}`,
    c: `survey=sipas&from=${localDay(nowMs - 731 * DAY_MS)}&to=${today}`,
  };
}

async function startApp(path: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['scripts/server.mjs'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${path}`, APP_SECRET: 'bench-secret-0123456789', DEMO_RESPONSES: '0' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/surveys/sipas`);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('app did not start');
}

export async function benchIndices() {
  const dir = mkdtempSync(join(tmpdir(), 'hailong-bench-indices-'));
  const nowMs = Date.now();
  try {
    // Insert throughput, responses + 23 answers, with and without the six rollup tiers.
    const plain = await prepare(join(dir, 'plain.db'));
    const kept = await prepare(join(dir, 'kept.db'));
    // 20,000 responses a day for four days: the rollups' day rows fill up as they do in production.
    const day = (k: number) => ({ startMs: nowMs - (5 - k) * DAY_MS, endMs: nowMs - (4 - k) * DAY_MS });
    await generate(plain.db, plain.fx, 0, 5_000, day(0), false); // warm-up
    await generate(kept.db, kept.fx, 0, 5_000, day(0), true);
    const rates = async (p: typeof plain, rollups: boolean) => {
      const out: number[] = [];
      for (const k of [1, 2, 3]) out.push(await generate(p.db, p.fx, k * 20_000, (k + 1) * 20_000, day(k), rollups));
      return out;
    };
    const without = median(await rates(plain, false));
    const withRollups = median(await rates(kept, true));
    await closeDatabase(plain.db);
    await closeDatabase(kept.db);
    console.log('\nInsert throughput in one process (batches of 10,000 per transaction, SIPAS response + 23 answers)');
    console.log(`without rollups ${without.toFixed(0)} /s · with rollups ${withRollups.toFixed(0)} /s · ratio ${(withRollups / without).toFixed(2)}`);

    const token = 'hl_bench-token-0123456789abcdef';
    const session = 'bench-session-0123456789abcdef';
    const { GET } = await import('@/app/api/indices/route');
    const { resolveView } = await import('@/lib/server/view');
    const { loadDashboard } = await import('@/lib/server/dashboard');
    const { paramsFromSearch } = await import('@/lib/dashboard/params');
    const principal = { kind: 'token' as const, id: 1, label: 'bench', role: 'leader' as const, unitId: null };

    const results: Record<number, Record<string, { api: number; data: number; page: number }>> = {};
    for (const size of SIZES) {
      // A fresh database per size, two years of responses in arrival order.
      const path = join(dir, `big-${size}.db`);
      const { db, fx } = await prepare(path);
      setDb(db);
      await createApiToken(db, { name: 'bench', tokenHash: hashToken(token), role: 'leader', unitId: null }, { userId: null, label: 'bench' });
      const user = await createUser(db, { username: 'bench', role: 'leader', unitId: null, passwordHash: 'x' }, { userId: null, label: 'bench' });
      await createSession(db, { tokenHash: hashToken(session), userId: user.id, now: nowMs + 3_600_000 });
      const v = views(nowMs, fx.points[0]!.code);
      const t0 = performance.now();
      await generate(db, fx, 0, size, { startMs: nowMs - 730 * DAY_MS, endMs: nowMs - 60_000 }, true);
      sqliteClient(db).pragma('wal_checkpoint(TRUNCATE)');
      sqliteClient(db).exec('ANALYZE');
      const [{ n: rollupRows }] = (await rawAll<{ n: number }>(
        db,
        sql`SELECT (SELECT count(*) FROM rollup_answers_day) + (SELECT count(*) FROM rollup_answers_month) AS n`,
      )) as [{ n: number }];
      console.log(
        `\n${size.toLocaleString('en')} responses generated in ${((performance.now() - t0) / 1000).toFixed(0)} s; database ${(statSync(path).size / 1e9).toFixed(2)} GB; ${rollupRows.toLocaleString('en')} answer rollup rows (day + month)`,
      );
      const app = await startApp(path, 3911);
      results[size] = {};
      try {
        for (const [name, query] of Object.entries(v)) {
          const api = await time(async () => {
            const res = await GET(new Request(`http://localhost/api/indices?${query}`, { headers: { authorization: `Bearer ${token}` } }));
            if (res.status !== 200) throw new Error(`${query}: ${res.status} ${await res.text()}`);
            await res.json();
          });
          const data = await time(async () => {
            const view = await resolveView(db, principal, paramsFromSearch(new URLSearchParams(query)), nowMs);
            if ('status' in view && !('filter' in view)) throw new Error(view.message);
            await loadDashboard(db, view as Exclude<typeof view, { status: number }>, { minResponses: getConfig().MIN_RESPONSES });
          });
          const page = await time(async () => {
            const res = await fetch(`http://127.0.0.1:3911/dashboard?${query}`, { headers: { cookie: `hl_session=${session}` } });
            if (res.status !== 200) throw new Error(`/dashboard?${query}: ${res.status}`);
            await res.text();
          });
          results[size]![name] = { api, data, page };
        }
      } finally {
        app.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 300));
        setDb(undefined);
        await closeDatabase(db);
        rmSync(path, { force: true });
      }
    }

    console.log(`\nDashboards, median of ${RUNS} (ms): /api/indices in process · dashboard data (every query) · /dashboard page over HTTP`);
    console.log('view                         | ' + SIZES.map((s) => `${(s / 1000).toFixed(0)} k: api / data / page`.padEnd(28)).join(' | ') + ' | ratio api / page');
    const labels = { a: '(a) quarter × one desk', b: '(b) quarter × all desks', c: '(c) all time × everything' };
    for (const name of ['a', 'b', 'c'] as const) {
      const cells = SIZES.map((s) => {
        const r = results[s]![name]!;
        return `${r.api.toFixed(1)} / ${r.data.toFixed(1)} / ${r.page.toFixed(1)}`.padEnd(28);
      });
      const first = results[SIZES[0]!]![name]!;
      const last = results[SIZES[SIZES.length - 1]!]![name]!;
      console.log(`${labels[name].padEnd(28)} | ${cells.join(' | ')} | ${(last.api / first.api).toFixed(2)} / ${(last.page / first.page).toFixed(2)}`);
    }
    console.log('goals at 1 M: (a) api < 20 ms; every view < 150 ms; 1 M time ≤ 2 × the 100 k time');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

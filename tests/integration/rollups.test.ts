import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { withTransaction } from '@/db';
import { insertResponse } from '@/db/queries/insert-response';
import { writeRollupsMerged, type RollupItem } from '@/db/queries/rollup-writes';
import {
  ANSWER_GROUPS,
  readActivity,
  readAnswerCounts,
  readAnswerCountsBy,
  readHourCells,
  type AnswerGroup,
  type RollupFilter,
} from '@/db/queries/rollup-reads';
import { rebuildRollups, rollupsMissing } from '@/server/rollups';
import { ROLLUP_TABLES } from '@/db/schema';
import { activityOf, indexThresholds } from '@/lib/indices/activity';
import { CHANNELS } from '@/lib/ingest/channels';
import { parseSurveyDefinition } from '@/lib/survey/definition';
import { extractScoring } from '@/lib/survey/scoring';
import { startOfLocalDayMs } from '@/lib/time/local';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { responseRow } from '@/tests/helpers/responses';

let t: TestDb;

// A small deterministic generator (mulberry32): the random data is the same on every run.
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Version = {
  id: number;
  questions: { name: string; values: number[] }[];
  thresholds: ReturnType<typeof indexThresholds>;
};

let parsed: Version[] | undefined;
// Parsed once: the raw scans below ask for every group.
async function versions(): Promise<Version[]> {
  if (parsed) return parsed;
  const rows = await t.all<{ id: number; definition: string }>(
    sql`SELECT id, definition FROM survey_versions ORDER BY id`,
  );
  parsed = rows.map((r) => {
    const scoring = extractScoring(parseSurveyDefinition(JSON.parse(r.definition), `v${r.id}`));
    return {
      id: r.id,
      questions: scoring.questions.map((q) => ({ name: q.name, values: q.values })),
      thresholds: indexThresholds(scoring),
    };
  });
  return parsed;
}

async function snapshot(): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of ROLLUP_TABLES) {
    tables[table] = (await t.all(sql`SELECT * FROM ${sql.identifier(table)}`)).map((r) => JSON.stringify(r)).sort();
  }
  return tables;
}

beforeAll(async () => {
  t = await createTestDb();
  const random = rng(20261128);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  // In id order, so that the generator picks the same rows on every engine.
  const points = await t.all<{ id: number; unitId: number }>(
    sql`SELECT id, unit_id AS "unitId" FROM service_points ORDER BY id`,
  );
  const procedures = (await t.all<{ id: number }>(sql`SELECT id FROM procedures ORDER BY id`)).map((p) => p.id);
  const vs = await versions();
  const start = startOfLocalDayMs('2025-10-15');
  const span = startOfLocalDayMs('2026-03-20') - start;
  // One transaction around them all: each insert is then a savepoint, not a commit.
  await withTransaction(t.db, async (tx) => {
    for (let i = 0; i < 1500; i++) {
      const v = pick(vs);
      const point = pick(points);
      // Some instants sit right at local midnight, where a time-zone slip would show.
      const completedAt =
        i % 50 === 0
          ? startOfLocalDayMs('2026-01-01') - 1 + (i % 100 === 0 ? 1 : 0)
          : start + Math.floor(random() * span);
      const scored = v.questions
        .filter(() => random() < 0.85)
        .map((q) => ({ question: q.name, value: pick(q.values) }));
      await insertResponse(
        tx,
        responseRow({
          surveyVersionId: v.id,
          pointId: point.id,
          unitId: point.unitId,
          procedureId: random() < 0.3 ? null : pick(procedures),
          channel: pick(CHANNELS),
          completedAt,
          answers: Object.fromEntries(scored.map((a) => [a.question, a.value])),
          flags: random() < 0.1 ? 1 : 0,
        }),
        scored,
        activityOf(v.thresholds, scored),
      );
    }
  });
  // 1,500 inserts, each with its answers and rollups: seconds on SQLite, longer over a network.
}, 120_000);
afterAll(() => t.close());

describe('rollups', () => {
  test('a rebuild from raw responses equals the counts kept incrementally', async () => {
    const incremental = await snapshot();
    expect(incremental.rollup_answers_day!.length).toBeGreaterThan(1000);
    const { responses } = await rebuildRollups(t.db);
    expect(responses).toBe(1500);
    expect(await snapshot()).toEqual(incremental);
    expect(await rollupsMissing(t.db)).toBe(false);
    await t.run(sql`DELETE FROM rollup_activity_month`);
    expect(await rollupsMissing(t.db)).toBe(true);
    await rebuildRollups(t.db);
    expect(await snapshot()).toEqual(incremental);
    // Rollups from before respondents' scores were kept are rebuilt too.
    await t.run(sql`DELETE FROM rollup_answers_unit_month WHERE question LIKE '~%'`);
    expect(await rollupsMissing(t.db)).toBe(true);
    await rebuildRollups(t.db);
    expect(await snapshot()).toEqual(incremental);
    // A tier added since the rollups were written (empty while responses exist) is rebuilt too.
    await t.run(sql`DELETE FROM rollup_answers_channel_day`);
    expect(await rollupsMissing(t.db)).toBe(true);
    await rebuildRollups(t.db);
    expect(await snapshot()).toEqual(incremental);
  }, 120_000);

  test('rollups summed in memory over batches (group commits) equal the counts kept one response at a time', async () => {
    const incremental = await snapshot();
    const thresholds = new Map((await versions()).map((v) => [v.id, v.thresholds]));
    const facts = await t.all<{
      id: string;
      surveyVersionId: number;
      unitId: number;
      pointId: number;
      procedureId: number | null;
      channel: string;
      completedAt: number;
      flags: number;
    }>(
      sql`SELECT id, survey_version_id AS "surveyVersionId", unit_id AS "unitId", point_id AS "pointId", procedure_id AS "procedureId", channel, completed_at AS "completedAt", flags FROM responses ORDER BY completed_at, id`,
    );
    const answerRows = await t.all<{ id: string; question: string; value: number }>(
      sql`SELECT response_id AS id, question, value FROM answers`,
    );
    const scoredOf = new Map<string, { question: string; value: number }[]>();
    for (const a of answerRows) {
      const list = scoredOf.get(a.id) ?? [];
      list.push({ question: a.question, value: Number(a.value) });
      scoredOf.set(a.id, list);
    }
    const items: RollupItem[] = facts.map((f) => {
      const fact = { ...f, completedAt: Number(f.completedAt), flags: Number(f.flags) };
      const scored = scoredOf.get(f.id) ?? [];
      return { fact, scored, activity: activityOf(thresholds.get(f.surveyVersionId)!, scored) };
    });
    for (const table of ROLLUP_TABLES) await t.run(sql`DELETE FROM ${sql.identifier(table)}`);
    // Batches of uneven sizes mixing desks, days, versions and flags, as group commits would.
    await withTransaction(t.db, async (tx) => {
      for (let i = 0, size = 1; i < items.length; i += size, size = (size * 7) % 97) {
        await writeRollupsMerged(tx, items.slice(i, i + size));
      }
    });
    expect(await snapshot()).toEqual(incremental);
  });

  const sorted = <T extends { question: string; value: number }>(rows: T[]) =>
    [...rows].sort((a, b) => (a.question < b.question ? -1 : a.question > b.question ? 1 : a.value - b.value));

  // What the rollups must agree with: the same counts straight from responses and answers.
  async function rawCounts(f: RollupFilter) {
    const list = (xs: readonly number[]) =>
      sql.join(
        xs.map((x) => sql`${x}`),
        sql`, `,
      );
    const conds: SQL[] = [
      sql`r.survey_version_id IN (${list(f.versionIds)})`,
      sql`r.completed_at >= ${startOfLocalDayMs(f.from)} AND r.completed_at < ${startOfLocalDayMs(f.to) + 86_400_000}`,
    ];
    if (f.unitIds) conds.push(sql`r.unit_id IN (${list(f.unitIds)})`);
    if (f.pointId) conds.push(sql`r.point_id = ${f.pointId}`);
    if (f.channel) conds.push(sql`r.channel = ${f.channel}`);
    // 0 is how the rollups store a response that named no procedure.
    if (f.procedureId === 0) conds.push(sql`r.procedure_id IS NULL`);
    else if (f.procedureId) conds.push(sql`r.procedure_id = ${f.procedureId}`);
    if (!f.includeRepeats) conds.push(sql`(r.flags & 1) = 0`);
    const where = sql.join(conds, sql` AND `);
    const rows = await t.all<{ question: string; value: number; count: number }>(
      sql`SELECT a.question, a.value, count(*) AS count FROM responses r JOIN answers a ON a.response_id = r.id WHERE ${where} GROUP BY a.question, a.value`,
    );
    // Respondents' scores, computed here in JavaScript from each response's answers.
    const thresholds = new Map((await versions()).map((v) => [v.id, v.thresholds]));
    const answerRows = await t.all<{ id: string; version: number; question: string; value: number }>(
      sql`SELECT r.id, r.survey_version_id AS version, a.question, a.value FROM responses r JOIN answers a ON a.response_id = r.id WHERE ${where}`,
    );
    const perResponse = new Map<string, { version: number; scored: { question: string; value: number }[] }>();
    for (const a of answerRows) {
      const entry = perResponse.get(a.id) ?? { version: Number(a.version), scored: [] };
      entry.scored.push({ question: a.question, value: Number(a.value) });
      perResponse.set(a.id, entry);
    }
    const scores = new Map<string, number>();
    for (const { version, scored } of perResponse.values()) {
      for (const s of activityOf(thresholds.get(version)!, scored).scores) {
        const key = `${s.question}\u0000${s.value}`;
        scores.set(key, (scores.get(key) ?? 0) + 1);
      }
    }
    for (const [key, count] of scores) {
      const [question, value] = key.split('\u0000') as [string, string];
      rows.push({ question, value: Number(value), count });
    }
    const [{ n }] = (await t.all<{ n: number }>(sql`SELECT count(*) AS n FROM responses r WHERE ${where}`)) as [
      { n: number },
    ];
    // Sorted here, not by the database: PostgreSQL's collation orders text unlike code points.
    return { responses: Number(n), rows: sorted(rows.map((r) => ({ ...r, count: Number(r.count) }))) };
  }

  test.each([
    ['whole months and edge days, every unit', { from: '2025-10-20', to: '2026-03-05' }],
    ['one whole quarter', { from: '2026-01-01', to: '2026-03-31' }],
    ['days inside one month', { from: '2026-02-03', to: '2026-02-17' }],
    ['a desk', { from: '2025-10-01', to: '2026-03-31', point: true }],
    ['a channel with repeats', { from: '2025-11-10', to: '2026-02-28', channel: 'qr', includeRepeats: true }],
    ['a unit subtree and a procedure', { from: '2025-10-01', to: '2026-03-31', unit: true, procedure: true }],
    ['a procedure across units, with edge days', { from: '2025-10-20', to: '2026-02-10', procedure: true }],
    ['a desk and a channel', { from: '2025-12-05', to: '2026-03-31', point: true, channel: 'web' }],
  ])('answer counts from the tiers equal a raw scan: %s', async (_name, c: Record<string, unknown>) => {
    const v = await versions();
    const [point] = (await t.all<{ id: number; unitId: number }>(
      sql`SELECT id, unit_id AS "unitId" FROM service_points ORDER BY id LIMIT 1`,
    )) as [{ id: number; unitId: number }];
    const f: RollupFilter = {
      versionIds: v.map((x) => x.id),
      from: c.from as string,
      to: c.to as string,
      unitIds: c.point ? [point.unitId] : c.unit ? [point.unitId, point.unitId + 1] : null,
      pointId: c.point ? point.id : null,
      channel: (c.channel as string) ?? null,
      procedureId: c.procedure ? 1 : null,
      includeRepeats: Boolean(c.includeRepeats),
    };
    const fromRollups = await readAnswerCounts(t.db, f);
    const raw = await rawCounts(f);
    expect(raw.responses).toBeGreaterThan(0);
    expect(fromRollups.responses).toBe(raw.responses);
    expect(sorted(fromRollups.rows)).toEqual(raw.rows);

    // Grouped by each key (each read from the smallest tier that keeps it), every group equals a
    // raw scan of that group alone.
    const months = (await t.all<{ m: string }>(sql`SELECT DISTINCT month AS m FROM rollup_answers_unit_month`))
      .map((r) => r.m)
      .filter((m) => `${m}-31` >= f.from && `${m}-01` <= f.to);
    const lastDay = (m: string) => {
      const [y, mo] = m.split('-').map(Number) as [number, number];
      return `${m}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
    };
    // Every group the reads offer, each checked key by key against a raw scan (a new group does not
    // compile here until it says how to narrow the raw scan to one key). Days are many: their sum is
    // checked below.
    type KeyedGroup = Exclude<AnswerGroup, 'day'>;
    const keyedGroups = ANSWER_GROUPS.filter((g): g is KeyedGroup => g !== 'day');
    // A group outside the view's own filter is empty.
    const narrowTo: Record<KeyedGroup, (key: string) => RollupFilter | null> = {
      point: (key) => (f.pointId && f.pointId !== Number(key) ? null : { ...f, pointId: Number(key) }),
      channel: (key) => (f.channel && f.channel !== key ? null : { ...f, channel: key }),
      procedure: (key) => (f.procedureId && f.procedureId !== Number(key) ? null : { ...f, procedureId: Number(key) }),
      unit: (key) => ({ ...f, unitIds: [Number(key)] }),
      month: (key) => ({
        ...f,
        from: f.from > `${key}-01` ? f.from : `${key}-01`,
        to: f.to < lastDay(key) ? f.to : lastDay(key),
      }),
    };
    const candidates: Record<KeyedGroup, string[]> = {
      point: (await t.all<{ id: number }>(sql`SELECT id FROM service_points`)).map((r) => String(r.id)),
      channel: [...CHANNELS],
      procedure: ['0', ...(await t.all<{ id: number }>(sql`SELECT id FROM procedures`)).map((r) => String(r.id))],
      unit: (f.unitIds ?? (await t.all<{ id: number }>(sql`SELECT id FROM units`)).map((r) => r.id)).map(String),
      month: months,
    };
    for (const group of keyedGroups) {
      const grouped = await readAnswerCountsBy(t.db, f, group);
      let seen = 0;
      for (const key of candidates[group]) {
        const mine = grouped.filter((r) => r.key === key).map((r) => ({ ...r, count: Number(r.count) }));
        const narrowed = narrowTo[group](key);
        const expected = narrowed ? await rawCounts(narrowed) : { responses: 0, rows: [] };
        if (expected.responses === 0 && mine.length === 0) continue;
        seen += 1;
        expect(mine.find((r) => r.question === '')?.count, `${group} ${key}: responses`).toBe(expected.responses);
        expect(
          sorted(mine.filter((r) => r.question !== '')).map(({ question, value, count }) => ({
            question,
            value,
            count,
          })),
          `${group} ${key}`,
        ).toEqual(expected.rows);
      }
      expect(seen).toBeGreaterThan(0);
      expect(new Set(grouped.map((r) => r.key)).size).toBe(seen);
    }
    // By day: the days add up to the scope.
    const byDay = await readAnswerCountsBy(t.db, f, 'day');
    expect(byDay.filter((r) => r.question === '').reduce((sum, r) => sum + Number(r.count), 0)).toBe(raw.responses);

    // Activity by month and by desk, and the hour cells, add up to the same response count.
    const total = (rows: { responses: number }[]) => rows.reduce((s, r) => s + r.responses, 0);
    expect(total(await readActivity(t.db, f, 'month'))).toBe(raw.responses);
    expect(total(await readActivity(t.db, f, 'point'))).toBe(raw.responses);
    expect(total(await readActivity(t.db, f, 'day'))).toBe(raw.responses);
    expect(total(await readHourCells(t.db, f))).toBe(raw.responses);
  });
});

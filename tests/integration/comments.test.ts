import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { dialectOf, sqliteClient, withTransaction } from '@/db';
import { latestComments } from '@/db/queries/comments';
import { insertResponse } from '@/db/queries/insert-response';
import type { RollupFilter } from '@/db/queries/rollup-reads';
import { localDay } from '@/lib/time/local';
import { createTestDb, type TestDb } from '@/tests/helpers/db';

// The dashboard's latest comments: newest first, one desk's only when a desk is chosen, paged,
// and read through the partial indexes of commented responses rather than every response of the
// period (a quarter of one desk at a million responses was 10,000s of rows read for 21 shown).

let t: TestDb;
let filter: RollupFilter;
let desk1: number;
const DAY_MS = 86_400_000;
const now = Date.now();

beforeAll(async () => {
  t = await createTestDb();
  const [version] = await t.all<{ id: number }>(
    sql`SELECT sv.id FROM survey_versions sv JOIN surveys s ON s.id = sv.survey_id WHERE s.slug = 'quick'`,
  );
  const points = await t.all<{ id: number; unitId: number; code: string }>(
    sql`SELECT id, unit_id AS "unitId", code FROM service_points ORDER BY code`,
  );
  desk1 = points.find((p) => p.code === 'TTHCC-Q01')!.id;
  const desk2 = points.find((p) => p.code === 'TTHCC-Q02')!;
  await withTransaction(t.db, async (tx) => {
    for (let i = 0; i < 60; i++) {
      const point = i % 2 === 0 ? points.find((p) => p.id === desk1)! : desk2;
      // Every fifth response carries a comment; the others are what a scan would wade through.
      const answers = i % 5 === 0 ? { satisfaction: 2, comment: `Góp ý số ${i}` } : { satisfaction: 3 };
      const at = now - DAY_MS + i * 60_000;
      await insertResponse(
        tx,
        {
          id: randomUUID(),
          surveyVersionId: version!.id,
          pointId: point.id,
          unitId: point.unitId,
          procedureId: null,
          channel: 'qr',
          dossier: null,
          locale: 'vi',
          startedAt: null,
          completedAt: at,
          receivedAt: at,
          deviceId: null,
          operatorId: null,
          officerId: null,
          clientKey: null,
          bodyHash: 'x',
          answers: JSON.stringify(answers),
          flags: 0,
        },
        [{ question: 'satisfaction', value: answers.satisfaction }],
        { answers: 1, satisfied: answers.satisfaction >= 2 ? 1 : 0 },
      );
    }
  });
  filter = { versionIds: [version!.id], from: localDay(now - 2 * DAY_MS), to: localDay(now), unitIds: null };
});

afterAll(() => t.close());

test('the latest comments of every desk, newest first, paged', async () => {
  const first = await latestComments(t.db, filter, { page: 1, pageSize: 5 });
  expect(first.rows.map((r) => r.comment)).toEqual([
    'Góp ý số 55',
    'Góp ý số 50',
    'Góp ý số 45',
    'Góp ý số 40',
    'Góp ý số 35',
  ]);
  expect(first.hasNext).toBe(true);
  const last = await latestComments(t.db, filter, { page: 3, pageSize: 5 });
  expect(last.rows.map((r) => r.comment)).toEqual(['Góp ý số 5', 'Góp ý số 0']);
  expect(last.hasNext).toBe(false);
});

test('one desk: only its comments', async () => {
  const { rows } = await latestComments(t.db, { ...filter, pointId: desk1 }, { page: 1, pageSize: 20 });
  expect(rows.map((r) => r.comment)).toEqual([
    'Góp ý số 50',
    'Góp ý số 40',
    'Góp ý số 30',
    'Góp ý số 20',
    'Góp ý số 10',
    'Góp ý số 0',
  ]);
});

test.runIf(process.env.DATABASE_URL?.startsWith('postgres') !== true)(
  'SQLite reads comments through the partial indexes, with and without a desk',
  async () => {
    expect(dialectOf(t.db)).toBe('sqlite');
    const client = sqliteClient(t.db);
    const plans: string[] = [];
    const prepare = client.prepare.bind(client);
    // Capture the statement the query layer prepares, and ask SQLite how it would run it.
    client.prepare = ((source: string) => {
      if (source.includes("'$.comment'") && !source.startsWith('EXPLAIN')) {
        const params = Array.from(source.matchAll(/\?/g), () => null);
        plans.push(
          (prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[])
            .map((r) => r.detail)
            .join(' | '),
        );
      }
      return prepare(source);
    }) as typeof client.prepare;
    try {
      await latestComments(t.db, { ...filter, pointId: desk1 }, { page: 1, pageSize: 20 });
      await latestComments(t.db, filter, { page: 1, pageSize: 20 });
    } finally {
      client.prepare = prepare as typeof client.prepare;
    }
    expect(plans).toHaveLength(2);
    expect(plans[0]).toContain('responses_point_comment_idx');
    expect(plans[1]).toContain('responses_comment_idx');
  },
);

test('search ignores case and Vietnamese diacritics; each comment carries its rating', async () => {
  const [version] = await t.all<{ id: number }>(
    sql`SELECT sv.id FROM survey_versions sv JOIN surveys s ON s.id = sv.survey_id WHERE s.slug = 'quick'`,
  );
  const [point] = await t.all<{ id: number; unitId: number }>(
    sql`SELECT id, unit_id AS "unitId" FROM service_points WHERE code = 'TTHCC-Q03'`,
  );
  const texts = [
    'Phải CHỜ rất lâu',
    'Chờ đợi mệt mỏi',
    'Không phải chờ',
    'Cho tôi hỏi lệ phí',
    'Nhanh gọn, ĐÚNG HẸN',
    'Cán bộ 100% tận tình',
  ];
  await withTransaction(t.db, async (tx) => {
    for (const [i, comment] of texts.entries()) {
      const at = now - 2 * 3_600_000 + i * 1000;
      const satisfaction = i < 2 ? 1 : 3;
      await insertResponse(
        tx,
        {
          id: randomUUID(),
          surveyVersionId: version!.id,
          pointId: point!.id,
          unitId: point!.unitId,
          procedureId: null,
          channel: 'kiosk',
          dossier: null,
          locale: 'vi',
          startedAt: null,
          completedAt: at,
          receivedAt: at,
          deviceId: null,
          operatorId: null,
          officerId: null,
          clientKey: null,
          bodyHash: 'x',
          answers: JSON.stringify({ satisfaction, comment }),
          flags: 0,
        },
        [{ question: 'satisfaction', value: satisfaction }],
        { answers: 1, satisfied: satisfaction >= 2 ? 1 : 0 },
      );
    }
  });
  const find = async (search: string) =>
    (
      await latestComments(
        t.db,
        { ...filter, pointId: point!.id },
        { page: 1, pageSize: 20, search, rating: 'satisfaction' },
      )
    ).rows;
  const chờ = ['Cho tôi hỏi lệ phí', 'Không phải chờ', 'Chờ đợi mệt mỏi', 'Phải CHỜ rất lâu'];
  for (const search of ['chờ', 'CHỜ', 'cho', 'Chờ', 'CHO'])
    expect((await find(search)).map((r) => r.comment)).toEqual(chờ);
  expect((await find('đúng hẹn')).map((r) => r.comment)).toEqual(['Nhanh gọn, ĐÚNG HẸN']);
  expect((await find('dung hen')).map((r) => r.comment)).toEqual(['Nhanh gọn, ĐÚNG HẸN']);
  // LIKE's wildcards are searched for literally.
  expect((await find('100%')).map((r) => r.comment)).toEqual(['Cán bộ 100% tận tình']);
  expect(await find('_')).toEqual([]);
  const [polite] = await find('tận tình');
  expect(polite).toMatchObject({ rating: 3, point: expect.stringContaining('Quầy số 3'), channel: 'kiosk' });
  expect((await find('lâu'))[0]!.rating).toBe(1);
});

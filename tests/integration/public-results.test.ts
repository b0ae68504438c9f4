import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { publicResults } from '@/server/public-results';
import { localDay, quarterOf } from '@/lib/time/local';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

let t: TestDb;
const SECRET_COMMENT = 'Bí mật: cán bộ Nguyễn Văn B gây khó dễ';
const quarter = quarterOf(localDay(Date.now()));

beforeAll(async () => {
  t = await createTestDb();
  // Desk 1 (SXD-QLXD): 40 ratings, 30 satisfied. Desk 3 (SXD-NHA): 12 ratings, below MIN_RESPONSES.
  const post = async (point: string, satisfaction: number, comment?: string) => {
    const res = await POST(jsonRequest(quickResponse({ point, answers: comment ? { satisfaction, comment } : { satisfaction } })));
    expect(res.status).toBe(201);
  };
  for (let i = 0; i < 40; i++) await post('TTHCC-Q01', i < 30 ? 3 : 1, i === 0 ? SECRET_COMMENT : undefined);
  for (let i = 0; i < 12; i++) await post('TTHCC-Q03', 1, SECRET_COMMENT);
});
afterAll(() => t.close());

describe('public results', () => {
  test('units with enough answers are published with index, interval and n; the rest only named', async () => {
    const r = (await publicResults(t.db, { quarter, survey: 'quick', minResponses: 30, now: Date.now() }))!;
    expect(r.overall).toMatchObject({ index: 57.69, responses: 52 }); // 30 satisfied of 52
    const qlxd = r.units.find((u) => u.code === 'SXD-QLXD')!;
    expect(qlxd.figure).toMatchObject({ index: 75, responses: 40 });
    expect(qlxd.figure!.ci95![0]).toBeLessThan(75);
    expect(r.units.find((u) => u.code === 'SXD-NHA')).toEqual({ code: 'SXD-NHA', name: 'Phòng Quản lý nhà và thị trường bất động sản', figure: null, elements: [] });
    expect(r.ranking.map((x) => x.code)).toEqual(['SXD-QLXD']);
    expect(r.notEnough.map((x) => x.code)).toEqual(['SXD-NHA']);
    expect(r.cases.find((c) => c.unit === 'Phòng Quản lý xây dựng')).toMatchObject({ received: 10, closedOnTime: 0 });
    expect(r.trend.map((p) => p.quarter)).toHaveLength(4);
    expect(r.trend.at(-1)).toEqual({ quarter, index: r.overall!.index });
  });

  test('nothing published carries a comment or a figure of a suppressed unit', async () => {
    const json = JSON.stringify(await publicResults(t.db, { quarter, survey: 'quick', minResponses: 30, now: Date.now() }));
    expect(json).not.toContain('Nguyễn Văn B');
    expect(json).not.toMatch(/"responses":12\b/);
    const strict = (await publicResults(t.db, { quarter, survey: 'quick', minResponses: 100, now: Date.now() }))!;
    expect(strict.overall).toBeNull();
    expect(strict.units.every((u) => u.figure === null)).toBe(true);
    expect(strict.ranking).toEqual([]);
  });
});

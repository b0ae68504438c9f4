import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { publicResults } from '@/server/public-results';
import { localDay, quarterBounds, quarterOf } from '@/lib/time/local';
import { GET as getPublic } from '@/app/api/public-results/route';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

let t: TestDb;
const SECRET_COMMENT = 'Bí mật: cán bộ Nguyễn Văn B gây khó dễ';
const quarter = quarterOf(localDay(Date.now()));

beforeAll(async () => {
  t = await createTestDb();
  // Desk 1 (SXD-QLXD): 40 ratings, 30 satisfied. Desk 3 (SXD-NHA): 12 ratings, below MIN_RESPONSES.
  const post = async (point: string, satisfaction: number, comment?: string) => {
    const res = await POST(
      jsonRequest(quickResponse({ point, answers: comment ? { satisfaction, comment } : { satisfaction } })),
    );
    expect(res.status).toBe(201);
  };
  for (let i = 0; i < 40; i++) await post('TTHCC-Q01', i < 30 ? 3 : 1, i === 0 ? SECRET_COMMENT : undefined);
  for (let i = 0; i < 12; i++) await post('TTHCC-Q03', 1, SECRET_COMMENT);
});
afterAll(() => t.close());

describe('public results', () => {
  test('units with enough respondents are published with index, interval, n and verdict; the rest only named', async () => {
    const r = (await publicResults(t.db, { quarter, survey: 'quick', minResponses: 30, now: Date.now() }))!;
    expect(r.overall).toMatchObject({ index: 57.69, responses: 52 }); // 30 satisfied of 52
    expect(r.provisional).toBe(true); // the quarter is still running
    // Not SIPAS: the benchmark is the whole view. QLXD 75 % of 40 people against 57.69 %:
    // z = 0.1731 / √(0.5769·0.4231/40) = 2.22, p = 0.026 (one row, nothing to correct) → above.
    expect(r.benchmark).toMatchObject({ kind: 'view', index: 57.69 });
    expect(r.units).toEqual([
      {
        code: 'SXD-QLXD',
        name: 'Phòng Quản lý xây dựng',
        index: 75,
        ci95: expect.any(Array),
        responses: 40,
        verdict: 'above',
      },
    ]);
    expect(r.units[0]!.ci95[0]).toBeLessThan(75);
    expect(r.suppressed).toEqual([
      { code: 'SXD-NHA', name: 'Phòng Quản lý nhà và thị trường bất động sản', responses: 12 },
    ]);
    // Ten complaints opened this week, none due yet: none counts as late.
    expect(r.cases.find((c) => c.unit === 'Phòng Quản lý xây dựng')).toEqual({
      unit: 'Phòng Quản lý xây dựng',
      received: 10,
      due: 0,
      closedOnTime: 0,
    });
    expect(r.trend.map((p) => p.quarter)).toHaveLength(4);
    expect(r.trend.at(-1)).toEqual({ quarter, index: r.overall.index });
  });

  test('after the quarter: not provisional, and cases past their due date count', async () => {
    const later = Date.parse(`${quarterBounds(quarter).to}T12:00:00+07:00`) + 40 * 86_400_000;
    const r = (await publicResults(t.db, { quarter, survey: 'quick', minResponses: 30, now: later }))!;
    expect(r.provisional).toBe(false);
    expect(r.cases.find((c) => c.unit === 'Phòng Quản lý xây dựng')).toMatchObject({
      received: 10,
      due: 10,
      closedOnTime: 0,
    });
  });

  test('GET /api/public-results: the contract, no login, cached; bad queries are 4xx', async () => {
    const res = await getPublic(new Request(`http://localhost/api/public-results?quarter=${quarter}&survey=quick`));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('public');
    const body = await res.json();
    expect(Object.keys(body)).toEqual([
      'quarter',
      'survey',
      'provisional',
      'benchmark',
      'overall',
      'units',
      'suppressed',
      'cases',
    ]);
    expect(body).toMatchObject({
      quarter,
      survey: 'quick',
      provisional: true,
      overall: { index: 57.69, responses: 52 },
    });
    expect((await getPublic(new Request('http://localhost/api/public-results?quarter=2026-Q9'))).status).toBe(400);
    const unknown = await getPublic(new Request(`http://localhost/api/public-results?quarter=${quarter}&survey=nope`));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('unknown_survey');
  });

  test('nothing published carries a comment or a figure of a suppressed unit', async () => {
    const json = JSON.stringify(
      await publicResults(t.db, { quarter, survey: 'quick', minResponses: 30, now: Date.now() }),
    );
    expect(json).not.toContain('Nguyễn Văn B');
    const strict = (await publicResults(t.db, { quarter, survey: 'quick', minResponses: 100, now: Date.now() }))!;
    expect(strict.overall).toEqual({ index: null, ci95: null, responses: 52 });
    expect(strict.units).toEqual([]);
    expect(strict.suppressed.map((u) => u.code).sort()).toEqual(['SXD-NHA', 'SXD-QLXD']);
  });
});

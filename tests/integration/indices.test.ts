import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { GET as getIndices } from '@/app/api/indices/route';
import { GET as getRankings } from '@/app/api/rankings/route';
import { POST } from '@/app/api/responses/route';
import { localDay } from '@/lib/time/local';
import { bearer } from '@/tests/helpers/auth';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest } from '@/tests/helpers/http';

let t: TestDb;
let leader: { authorization: string };
const DAY_MS = 86_400_000;
const now = Date.now();
const from = localDay(now - 10 * DAY_MS);
const to = localDay(now);
const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();

async function post(body: Record<string, unknown>) {
  const res = await POST(jsonRequest({ id: randomUUID(), ...body }));
  expect(res.status).toBe(201);
}

const SIPAS_OTHER_CRITERIA = [
  'q_access_equipment_sufficient',
  'q_access_equipment_modern',
  'q_access_equipment_easy',
  'q_staff_listened',
  'q_staff_explained',
  'q_staff_guided',
  'q_staff_understandable',
  'q_staff_rules',
];

beforeAll(async () => {
  t = await createTestDb();
  leader = await bearer(t.db, 'leader');
  // quick at desk 1 (unit SXD-QLXD): 30 × "Rất hài lòng" (3), 6 × "Hài lòng" (2), 4 × "Không hài lòng" (1).
  const quickQ01 = [...Array(30).fill(3), ...Array(6).fill(2), ...Array(4).fill(1)];
  for (const [i, v] of quickQ01.entries()) {
    await post({
      survey: 'quick',
      point: 'TTHCC-Q01',
      channel: i % 2 ? 'qr' : 'web',
      answers: { satisfaction: v },
      completedAt: at(1 + (i % 5)),
    });
  }
  // quick at desk 3 (unit SXD-NHA): 2 × 3, 2 × 2, 6 × 1: ten answers, below MIN_RESPONSES = 30.
  for (const v of [3, 3, 2, 2, 1, 1, 1, 1, 1, 1]) {
    await post({
      survey: 'quick',
      point: 'TTHCC-Q03',
      channel: 'qr',
      answers: { satisfaction: v },
      completedAt: at(2),
    });
  }
  // An answer outside the period must not count.
  await post({ survey: 'quick', point: 'TTHCC-Q01', channel: 'qr', answers: { satisfaction: 1 }, completedAt: at(20) });

  // sipas at desk 5: 30 responses, see the expectations below for each criterion.
  for (let i = 0; i < 30; i++) {
    const answers: Record<string, number> = { overall: 4 };
    answers.q_access_seats = i < 15 ? 5 : 2;
    for (const q of [
      'q_procedure_posted_full',
      'q_procedure_posted_accurate',
      'q_procedure_documents',
      'q_procedure_fees',
      'q_procedure_time',
    ]) {
      answers[q] = i < 20 ? 4 : 3;
    }
    answers.q_staff_polite = i < 21 ? 5 : 1;
    for (const q of ['q_result_as_regulated', 'q_result_complete', 'q_result_accurate']) answers[q] = i < 27 ? 4 : 3;
    for (const q of ['q_feedback_channel', 'q_feedback_easy', 'q_feedback_handled']) answers[q] = 4;
    if (i < 10) answers.q_feedback_reported = 5; // only ten people answered it
    for (const q of SIPAS_OTHER_CRITERIA) answers[q] = 4;
    await post({ survey: 'sipas', point: 'TTHCC-Q05', channel: 'web', answers, completedAt: at(3) });
  }
});
afterAll(() => t.close());

function indices(query: string, headers: Record<string, string> = leader) {
  return getIndices(new Request(`http://localhost/api/indices?${query}`, { headers }));
}

describe('GET /api/indices (docs/contracts.md)', () => {
  test('quick rating over every unit: 36 satisfied of 50 … plus desk 3', async () => {
    const res = await indices(`survey=quick&from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    // 40 at desk 1 (36 satisfied) + 10 at desk 3 (4 satisfied) = 40 of 50 = 80 %.
    // Wilson: p = 0.8, n = 50 → [66.96, 88.76].
    expect(await res.json()).toEqual({
      survey: 'quick',
      from,
      to,
      responses: 50,
      answers: 50,
      index: 80,
      // One criterion: the overall and its element keep the criterion's Wilson interval.
      ci95: [66.96, 88.76],
      effectiveN: 50,
      suppressed: false,
      dimensions: [
        {
          name: 'service',
          title: 'Mức độ hài lòng',
          index: 80,
          ci95: [66.96, 88.76],
          suppressed: false,
          criteria: [
            {
              question: 'satisfaction',
              title: expect.any(String),
              n: 50,
              satisfied: 40,
              index: 80,
              ci95: [66.96, 88.76],
              suppressed: false,
              distribution: { '1': 10, '2': 8, '3': 32 },
            },
          ],
        },
      ],
    });
  });

  test('a unit means its subtree; a unit below MIN_RESPONSES is suppressed', async () => {
    const qlxd = await (await indices(`survey=quick&from=${from}&to=${to}&unit=SXD-QLXD`)).json();
    // 36 of 40 = 90 %; Wilson [76.95, 96.04].
    expect(qlxd).toMatchObject({ responses: 40, index: 90, suppressed: false });
    expect(qlxd.dimensions[0].criteria[0]).toMatchObject({ n: 40, satisfied: 36, index: 90, ci95: [76.95, 96.04] });

    const root = await (await indices(`survey=quick&from=${from}&to=${to}&unit=SXD`)).json();
    expect(root).toMatchObject({ responses: 50, index: 80 });

    const nha = await (await indices(`survey=quick&from=${from}&to=${to}&unit=SXD-NHA`)).json();
    expect(nha).toMatchObject({ responses: 10, index: null, suppressed: true });
    expect(nha.dimensions[0]).toMatchObject({ index: null, suppressed: true });
    expect(nha.dimensions[0].criteria[0]).toMatchObject({
      n: 10,
      satisfied: 4,
      index: null,
      ci95: null,
      suppressed: true,
    });
  });

  test('filters by desk and channel, and the period excludes older answers', async () => {
    const desk = await (await indices(`survey=quick&from=${from}&to=${to}&point=TTHCC-Q01&channel=qr`)).json();
    // Odd i of 40 went by qr: values at odd positions: 15 × 3, 3 × 2, 2 × 1 → 18 of 20, suppressed (n < 30).
    expect(desk.dimensions[0].criteria[0]).toMatchObject({ n: 20, satisfied: 18, suppressed: true });
    const wide = await (
      await indices(`survey=quick&from=${localDay(now - 40 * DAY_MS)}&to=${to}&point=TTHCC-Q01`)
    ).json();
    expect(wide.dimensions[0].criteria[0]).toMatchObject({ n: 41, satisfied: 36 });
  });

  test('SIPAS: criterion, element and overall indices as the mean of means', async () => {
    const body = await (await indices(`survey=sipas&from=${from}&to=${to}`)).json();
    const dims = Object.fromEntries(body.dimensions.map((d: { name: string }) => [d.name, d]));
    // access: seats 15/30 = 50, three others 100 → 87.5
    expect(dims.access.index).toBe(87.5);
    expect(dims.access.criteria[0]).toMatchObject({
      question: 'q_access_seats',
      n: 30,
      satisfied: 15,
      index: 50,
      ci95: [33.15, 66.85],
    });
    // procedure: every criterion 20/30 = 66.666… → 66.67; Wilson [48.78, 80.77]
    expect(dims.procedure.index).toBe(66.67);
    expect(dims.procedure.criteria[0]).toMatchObject({
      index: 66.67,
      ci95: [48.78, 80.77],
      distribution: { '1': 0, '2': 0, '3': 10, '4': 20, '5': 0 },
    });
    // staff: polite 21/30 = 70, five others 100 → 570 / 6 = 95
    expect(dims.staff.index).toBe(95);
    expect(dims.staff.criteria[0]).toMatchObject({ index: 70, ci95: [52.12, 83.34] });
    // result: 27/30 = 90 each → 90
    expect(dims.result.index).toBe(90);
    expect(dims.result.criteria[0].ci95).toEqual([74.38, 96.54]);
    // feedback: "outcome reported" answered by 10 only → suppressed; the element is the mean of the other three (100).
    expect(dims.feedback.index).toBe(100);
    expect(
      dims.feedback.criteria.find((c: { question: string }) => c.question === 'q_feedback_reported'),
    ).toMatchObject({
      n: 10,
      satisfied: 10,
      index: null,
      suppressed: true,
    });
    // overall: (87.5 + 66.666… + 95 + 90 + 100) / 5 = 87.8333… → 87.83
    expect(body).toMatchObject({ responses: 30, index: 87.83, suppressed: false });
    // Intervals with the respondent as the unit, for the overall and each element.
    expect(body.ci95[0]).toBeLessThan(87.83);
    expect(body.ci95[1]).toBeGreaterThan(87.83);
    for (const d of body.dimensions) expect(d.ci95[0]).toBeLessThanOrEqual(d.index);
  });

  test('a ranking row equals /api/indices for the same scope', async () => {
    const ranking = await (
      await getRankings(
        new Request(`http://localhost/api/rankings?survey=sipas&by=point&from=${from}&to=${to}`, { headers: leader }),
      )
    ).json();
    const row = ranking.ranked.find((r: { key: string }) => r.key === 'TTHCC-Q05');
    const scope = await (await indices(`survey=sipas&from=${from}&to=${to}&point=TTHCC-Q05`)).json();
    expect(row).toMatchObject({ index: scope.index, ci95: scope.ci95, responses: scope.responses, n: scope.answers });
    expect(row.index).toBe(87.83);
  });

  test('bad input answers 4xx with the error envelope', async () => {
    const cases: [string, number, string][] = [
      [`from=${from}`, 400, 'invalid_query'],
      [`survey=quick&from=2026-02-30`, 400, 'invalid_query'],
      [`survey=quick&from=${to}&to=${from}`, 400, 'invalid_period'],
      [`survey=quick&channel=fax`, 400, 'invalid_query'],
      [`survey=nope`, 404, 'unknown_survey'],
      [`survey=quick&unit=NOPE`, 404, 'unknown_unit'],
      [`survey=quick&point=NOPE`, 404, 'unknown_point'],
      [`survey=quick&procedure=9.999`, 404, 'unknown_procedure'],
      [`survey=quick&unit=SXD-NHA&point=TTHCC-Q01`, 400, 'point_outside_unit'],
    ];
    for (const [query, status, code] of cases) {
      const res = await indices(query);
      expect([query, res.status]).toEqual([query, status]);
      expect((await res.json()).error).toMatchObject({ code, message: expect.any(String) });
    }
  });

  test('needs a leader, admin or manager; a manager sees only their subtree', async () => {
    expect((await indices('survey=quick', {})).status).toBe(401);
    expect((await indices('survey=quick', await bearer(t.db, 'operator'))).status).toBe(403);
    const manager = await bearer(t.db, 'manager', 'SXD-NHA');
    const own = await indices(`survey=quick&from=${from}&to=${to}`, manager);
    expect(await own.json()).toMatchObject({ responses: 10 });
    const other = await indices(`survey=quick&from=${from}&to=${to}&unit=SXD-QLXD`, manager);
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe('forbidden_unit');
    expect((await indices(`survey=quick&point=TTHCC-Q01`, manager)).status).toBe(403);
  });
});

describe('GET /api/rankings', () => {
  test('desks ranked by index with intervals and verdicts; thin desks listed apart', async () => {
    const res = await getRankings(
      new Request(`http://localhost/api/rankings?survey=quick&by=point&from=${from}&to=${to}`, { headers: leader }),
    );
    expect(res.status).toBe(200);
    // Desk 1: 36 of 40 people satisfied (one answer each: Wilson). Benchmark: the whole view, 80 %;
    // z = (0.90 − 0.80)/√(0.8·0.2/40) = 1.58 → within.
    expect(await res.json()).toEqual({
      survey: 'quick',
      by: 'point',
      from,
      to,
      benchmark: { kind: 'view', label: expect.any(String), index: 80 },
      target: null,
      ranked: [
        {
          rank: 1,
          key: 'TTHCC-Q01',
          label: expect.stringContaining('Quầy số 1'),
          responses: 40,
          n: 40,
          index: 90,
          ci95: [76.95, 96.04],
          verdict: 'within',
        },
      ],
      suppressed: [{ key: 'TTHCC-Q03', label: expect.stringContaining('Quầy số 3'), responses: 10, n: 10 }],
    });
  });

  test('units ranked the same way; an unknown grouping is a 400', async () => {
    const res = await getRankings(
      new Request(`http://localhost/api/rankings?survey=quick&by=unit&from=${from}&to=${to}`, { headers: leader }),
    );
    const body = await res.json();
    expect(body.ranked.map((r: { key: string }) => r.key)).toEqual(['SXD-QLXD']);
    expect(body.suppressed.map((r: { key: string }) => r.key)).toEqual(['SXD-NHA']);
    const bad = await getRankings(
      new Request(`http://localhost/api/rankings?survey=quick&by=colour`, { headers: leader }),
    );
    expect(bad.status).toBe(400);
  });
});

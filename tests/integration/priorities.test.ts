import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { GET } from '@/app/api/priorities/route';
import { POST } from '@/app/api/responses/route';
import { seededRandom } from '@/lib/demo/random';
import { localDay } from '@/lib/time/local';
import { bearer } from '@/tests/helpers/auth';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest } from '@/tests/helpers/http';
import { SIPAS_CRITERIA, SIPAS_STAFF_CRITERIA, postSipas } from '@/tests/helpers/sipas';
import { PRIORITY_CACHE_SIZE, prioritiesFor } from '@/server/priorities';
import { reasonsFor } from '@/server/reasons';
import { isViewError, resolveView } from '@/server/view';

let t: TestDb;
let leader: { authorization: string };
const DAY_MS = 86_400_000;
const now = Date.now();
const from = localDay(now - 10 * DAY_MS);
const to = localDay(now);

const STAFF = SIPAS_STAFF_CRITERIA;
const OTHERS = SIPAS_CRITERIA.filter((q) => !q.startsWith('q_staff_'));

const post = (point: string, answers: Record<string, number>) =>
  postSipas(point, answers, { channel: 'web', completedAt: now - 2 * DAY_MS });

/**
 * Generated data: the six staff criteria are weak (2–4, so about a third satisfied) and the overall
 * rating follows their mean; the sixteen others are strong (4–5) and unrelated to it.
 */
function respondent(random: () => number): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const q of STAFF) answers[q] = 2 + Math.floor(random() * 3);
  for (const q of OTHERS) answers[q] = 4 + Math.floor(random() * 2);
  const staffMean = STAFF.reduce((s, q) => s + answers[q]!, 0) / STAFF.length;
  answers.overall = Math.max(1, Math.min(5, Math.round(2 * staffMean - 3 + (random() - 0.5))));
  return answers;
}

beforeAll(async () => {
  t = await createTestDb();
  leader = await bearer(t.db, 'leader');
  const random = seededRandom(19);
  // 160 at desk 5 (unit SXD-CLCT), 10 at desk 4 (SXD-QHKT): under MIN_RESPONSES = 30 there.
  for (let i = 0; i < 160; i++) await post('TTHCC-Q05', respondent(random));
  for (let i = 0; i < 10; i++) await post('TTHCC-Q04', respondent(random));
  // quick, "Điều gì chưa tốt?": 40 dissatisfied at desk 1 (unit SXD-QLXD), 20 of them "time", 10
  // "time" and "attitude", 10 "fees" (with a comment); 5 at desk 3 (SXD-NHA) choosing "attitude"; 30 satisfied.
  const quick = [
    ...Array.from({ length: 20 }, () => ['TTHCC-Q01', ['time']] as const),
    ...Array.from({ length: 10 }, () => ['TTHCC-Q01', ['time', 'attitude']] as const),
    ...Array.from({ length: 10 }, () => ['TTHCC-Q01', ['fees']] as const),
    ...Array.from({ length: 5 }, () => ['TTHCC-Q03', ['attitude']] as const),
  ];
  for (const [point, reasons] of quick) {
    const res = await POST(
      jsonRequest({
        id: randomUUID(),
        survey: 'quick',
        point,
        channel: 'qr',
        answers: {
          satisfaction: 1,
          reasons,
          ...((reasons as readonly string[]).includes('fees') ? { comment: 'Lệ phí cao' } : {}),
        },
        completedAt: new Date(now - DAY_MS).toISOString(),
      }),
    );
    expect(res.status).toBe(201);
  }
  for (let i = 0; i < 30; i++) {
    const res = await POST(
      jsonRequest({
        id: randomUUID(),
        survey: 'quick',
        point: 'TTHCC-Q01',
        channel: 'qr',
        answers: { satisfaction: 3 },
        completedAt: new Date(now - DAY_MS).toISOString(),
      }),
    );
    expect(res.status).toBe(201);
  }
  // 275 answers through the route: seconds, more on a busy machine.
}, 120_000);
afterAll(() => t.close());

function priorities(query: string, headers: Record<string, string> = leader) {
  return GET(new Request(`http://localhost/api/priorities?${query}`, { headers }));
}

type Body = {
  survey: string;
  outcome: string;
  method: string;
  responses: number;
  r2: number | null;
  criteria: {
    question: string;
    title: string;
    dimension: string;
    index: number | null;
    importance: number | null;
    importanceCi95: [number, number] | null;
    quadrant: string | null;
  }[];
};

describe('GET /api/priorities', () => {
  test('the staff criteria that drive the overall rating rank first and are fix_first', async () => {
    const res = await priorities(`survey=sipas&from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Body;
    expect(Object.keys(body)).toEqual(['survey', 'outcome', 'method', 'responses', 'r2', 'criteria']);
    expect(body).toMatchObject({
      survey: 'sipas',
      outcome: 'overall',
      method: 'johnson_relative_weights',
      responses: 170,
    });
    expect(body.r2).toBeGreaterThan(50);
    expect(body.criteria).toHaveLength(22);
    expect(Object.keys(body.criteria[0]!)).toEqual([
      'question',
      'title',
      'dimension',
      'index',
      'importance',
      'importanceCi95',
      'quadrant',
    ]);
    const ranked = [...body.criteria].sort((a, b) => b.importance! - a.importance!);
    expect(
      ranked
        .slice(0, 6)
        .map((c) => c.question)
        .sort(),
    ).toEqual([...STAFF].sort());
    expect(
      body.criteria
        .filter((c) => c.quadrant === 'fix_first')
        .map((c) => c.question)
        .sort(),
    ).toEqual([...STAFF].sort());
    expect(body.criteria.find((c) => c.question === 'q_staff_polite')).toMatchObject({
      dimension: 'staff',
      title: expect.stringContaining('lịch sự'),
    });
  });

  test('a desk under MIN_RESPONSES respondents is suppressed: indices and importance withheld', async () => {
    const res = await priorities(`survey=sipas&from=${from}&to=${to}&point=TTHCC-Q04`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Body;
    expect(body).toMatchObject({ responses: 10, r2: null });
    expect(
      body.criteria.every(
        (c) => c.importance === null && c.importanceCi95 === null && c.quadrant === null && c.index === null,
      ),
    ).toBe(true);
  });

  test('the same filters, errors and permissions as /api/indices', async () => {
    expect((await priorities('survey=sipas', {})).status).toBe(401);
    expect((await priorities('survey=sipas', await bearer(t.db, 'operator'))).status).toBe(403);
    expect((await priorities(`survey=sipas&from=${to}&to=${from}`)).status).toBe(400);
    expect((await priorities('survey=nope')).status).toBe(404);
    const quick = await priorities('survey=quick');
    expect(quick.status).toBe(404);
    expect(await quick.json()).toMatchObject({ error: { code: 'no_outcome_question' } });
    const manager = await bearer(t.db, 'manager', 'SXD-CLCT');
    expect((await priorities(`survey=sipas&from=${from}&to=${to}&unit=SXD-QHKT`, manager)).status).toBe(403);
    const own = (await (await priorities(`survey=sipas&from=${from}&to=${to}`, manager)).json()) as Body;
    expect(own.responses).toBe(160);
  });
});

describe('reasons of the dissatisfied (quick survey)', () => {
  test('counted by choice in SQL, with shares and Wilson intervals for the scope, each unit and each desk', async () => {
    const principal = { kind: 'token' as const, id: 0, label: 'test', role: 'leader' as const, unitId: null };
    const view = await resolveView(t.db, principal, { survey: 'quick', from, to }, Date.now());
    if (isViewError(view)) throw new Error(view.message);
    const reasons = (await reasonsFor(t.db, view, 30))!;
    expect(reasons.question).toBe('reasons');
    expect(reasons.title).toBe('Điều gì chưa tốt?');
    expect(reasons.choices.map((c) => c.label)).toContain('Thái độ công chức');
    // 45 answered: time 30 (66.67 %), attitude 15 (33.33 %), fees 10 (22.22 %).
    expect(reasons.total.respondents).toBe(45);
    const byChoice = Object.fromEntries(reasons.total.choices.map((c) => [c.choice, c]));
    expect(byChoice.time).toMatchObject({ count: 30, share: 66.67 });
    expect(byChoice.attitude).toMatchObject({ count: 15, share: 33.33 });
    expect(byChoice.fees).toMatchObject({ count: 10, share: 22.22 });
    expect(byChoice.time!.ci95![0]).toBeLessThan(66.67);
    expect(reasons.points.map((p) => [p.label, p.respondents, p.suppressed])).toEqual(
      [
        ['Quầy số 1', 40, false],
        ['Quầy số 3', 5, true],
      ].map(([label, n, s]) => [expect.stringContaining(String(label)), n, s]),
    );
    expect(reasons.units).toHaveLength(2);
    // Only the ten who chose "fees" wrote a comment.
    expect(reasons.comments.map((c) => [c.value, c.count])).toEqual([
      ['time', 0],
      ['visits', 0],
      ['attitude', 0],
      ['fees', 10],
      ['unclear', 0],
      ['other', 0],
    ]);
    expect(reasons.points[1]!.choices.find((c) => c.choice === 'attitude')).toEqual({
      choice: 'attitude',
      count: 5,
      share: null,
      ci95: null,
    });
  });
});

describe('priorities kept per scope and data version', () => {
  test('the same view is answered from memory until a response is stored in its scope; at most PRIORITY_CACHE_SIZE views are kept', async () => {
    const principal = { kind: 'token' as const, id: 0, label: 'test', role: 'leader' as const, unitId: null };
    const viewOf = async (raw: Record<string, string>) => {
      const view = await resolveView(t.db, principal, { survey: 'sipas', ...raw }, Date.now());
      if (isViewError(view)) throw new Error(view.message);
      return view;
    };
    const view = await viewOf({ from, to, point: 'TTHCC-Q04' });
    const first = await prioritiesFor(t.db, view, 30);
    expect(first!.responses).toBe(10);
    // The same object: not recomputed.
    expect(await prioritiesFor(t.db, view, 30)).toBe(first);
    // A response elsewhere leaves this scope's version as it was.
    await post('TTHCC-Q05', respondent(seededRandom(5)));
    expect(await prioritiesFor(t.db, await viewOf({ from, to, point: 'TTHCC-Q04' }), 30)).toBe(first);
    // One in the scope is a new version.
    await post('TTHCC-Q04', respondent(seededRandom(7)));
    const after = await prioritiesFor(t.db, view, 30);
    expect(after).not.toBe(first);
    expect(after!.responses).toBe(11);
    expect(await prioritiesFor(t.db, view, 30)).toBe(after);
    // Other views push the least recently used one out.
    for (let i = 1; i <= PRIORITY_CACHE_SIZE; i++)
      await prioritiesFor(t.db, await viewOf({ from: localDay(now - (10 + i) * DAY_MS), to, point: 'TTHCC-Q04' }), 30);
    expect(await prioritiesFor(t.db, view, 30)).not.toBe(after);
  });
});

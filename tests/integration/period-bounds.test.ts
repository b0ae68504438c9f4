import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { GET as indices } from '@/app/api/indices/route';
import type { Principal } from '@/lib/auth/permissions';
import { addDays, localDay } from '@/lib/time/local';
import { loadDashboard } from '@/server/dashboard';
import { seedDemoResponses } from '@/server/demo';
import { isViewError, resolveView } from '@/server/view';
import { bearer } from '@/tests/helpers/auth';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

// Every dashboard request does bounded work (lib/dashboard/params.ts PERIOD_LIMITS): the largest
// view allowed answers in well under a second, so a citizen's answer posted meanwhile is not held
// up; what lies beyond the bounds is refused at once. Before the bounds, a leader's
// `from=1800-01-01&trend=day` took 19 s and held a citizen's POST for 16.8 s.

let t: TestDb;
const leader: Principal = { kind: 'token', id: 1, label: 'test leader', role: 'leader', unitId: null } as Principal;
const today = localDay(Date.now());

beforeAll(async () => {
  t = await createTestDb();
  await seedDemoResponses(t.db, { count: 1_500 });
}, 120_000);
afterAll(() => t.close());

async function dashboard(raw: Record<string, string>) {
  const view = await resolveView(t.db, leader, raw, Date.now());
  if (isViewError(view)) throw new Error(view.message);
  return loadDashboard(t.db, view, { minResponses: 5, trendUnit: view.params.trend });
}

describe('the largest views allowed', () => {
  test.each([
    ['five years by week', { survey: 'quick', from: addDays(today, -1826), to: today, trend: 'week' }],
    ['400 days by day', { survey: 'quick', from: addDays(today, -399), to: today, trend: 'day' }],
    // Measured here about 0.1–0.3 s on an idle machine; the limits leave room for a loaded CI
    // runner while staying far below the 19 s and 16.8 s the unbounded request took.
  ])("%s: bounded, and a citizen's POST meanwhile is not held up", async (_name, raw) => {
    await dashboard(raw);
    const started = performance.now();
    let postedAfter = 0;
    const [data] = await Promise.all([
      dashboard(raw),
      POST(jsonRequest(quickResponse())).then((res) => {
        expect(res.status).toBe(201);
        postedAfter = performance.now() - started;
      }),
    ]);
    const took = performance.now() - started;
    expect(data.trend.points.length).toBeLessThanOrEqual(400);
    expect(took, `the dashboard took ${took.toFixed(0)} ms`).toBeLessThan(5_000);
    expect(postedAfter, `the POST waited ${postedAfter.toFixed(0)} ms`).toBeLessThan(2_000);
  });
});

describe('beyond the bounds: a 400 with the envelope, at once', () => {
  test.each([
    ['survey=quick&from=1800-01-01&trend=day', 'period_out_of_range'],
    ['survey=quick&from=5000-01-01&to=9998-12-31', 'period_out_of_range'],
    ['survey=quick&from=2026-01-01&to=9999-12-31', 'period_out_of_range'],
    [`survey=quick&from=${addDays(today, -1827)}&to=${today}`, 'period_too_long'],
    [`survey=quick&from=${addDays(today, -400)}&to=${today}&trend=day`, 'period_too_long'],
  ])('/api/indices?%s → %s', async (query, code) => {
    const started = performance.now();
    const res = await indices(
      new Request(`http://localhost/api/indices?${query}`, { headers: await bearer(t.db, 'leader') }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

// Judging units by people and by evidence, on generated SIPAS data: a unit of two respondents is
// suppressed everywhere; two units drawn from one distribution are "within" the benchmark; a unit
// drawn clearly worse is "below"; a ranking row equals /api/indices for the same scope.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { GET as getIndices } from '@/app/api/indices/route';
import { GET as getRankings } from '@/app/api/rankings/route';
import { seededRandom } from '@/lib/demo/random';
import { localDay, quarterOf } from '@/lib/time/local';
import { loadDashboard } from '@/server/dashboard';
import { publicResults } from '@/server/public-results';
import { isViewError, resolveView } from '@/server/view';
import { bearer } from '@/tests/helpers/auth';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { SIPAS_CRITERIA, postSipas } from '@/tests/helpers/sipas';

let t: TestDb;
let leader: { authorization: string };
const now = Date.now();
const today = localDay(now);
const quarter = quarterOf(today);
const from = localDay(now - 86_400_000);
const random = seededRandom(2026);

/**
 * One respondent: a "content" person (probability `content`) answers each criterion 4–5 with
 * probability 0.95, anyone else with probability 0.3. Answers within a person are correlated,
 * as real ones are.
 */
function person(content: number): Record<string, number> {
  const p = random() < content ? 0.95 : 0.3;
  return Object.fromEntries(
    SIPAS_CRITERIA.map((q) => [q, random() < p ? (random() < 0.5 ? 4 : 5) : random() < 0.5 ? 2 : 3]),
  );
}

const post = (point: string, answers: Record<string, number>) =>
  postSipas(point, { ...answers, overall: 4 }, { completedAt: now - 60_000 });

beforeAll(async () => {
  t = await createTestDb();
  leader = await bearer(t.db, 'leader');
  // Expected index of both: 0.88·0.95 + 0.12·0.3 = 87.2 %, near the national 83.94 %.
  for (let i = 0; i < 80; i++) await post('TTHCC-Q01', person(0.88)); // SXD-QLXD
  for (let i = 0; i < 80; i++) await post('TTHCC-Q04', person(0.88)); // SXD-QHKT
  // Clearly worse: 0.3·0.95 + 0.7·0.3 = 49.5 %.
  for (let i = 0; i < 80; i++) await post('TTHCC-Q03', person(0.3)); // SXD-NHA
  // Two delighted respondents: 44 answers, 2 people.
  for (let i = 0; i < 2; i++) await post('TTHCC-Q05', Object.fromEntries(SIPAS_CRITERIA.map((q) => [q, 5]))); // SXD-CLCT
}, 120_000);
afterAll(() => t.close());

const get = async (handler: (r: Request) => Promise<Response>, path: string) =>
  (await handler(new Request(`http://localhost${path}`, { headers: leader }))).json();

describe('honest numbers', () => {
  test('/api/rankings: verdicts by evidence against the national benchmark; 2 respondents never ranked', async () => {
    const body = await get(getRankings, `/api/rankings?survey=sipas&by=unit&from=${from}&to=${today}`);
    expect(body.benchmark).toMatchObject({ kind: 'national', index: 83.94 });
    const verdicts = Object.fromEntries(body.ranked.map((r: { key: string; verdict: string }) => [r.key, r.verdict]));
    expect(verdicts).toEqual({ 'SXD-QLXD': 'within', 'SXD-QHKT': 'within', 'SXD-NHA': 'below' });
    expect(body.suppressed).toEqual([{ key: 'SXD-CLCT', label: expect.any(String), responses: 2, n: 44 }]);
    for (const row of body.ranked) {
      expect(row.responses).toBe(80);
      expect(row.n).toBeGreaterThan(80 * 20);
      // The ranking's index is /api/indices' for the same scope.
      const scope = await get(getIndices, `/api/indices?survey=sipas&from=${from}&to=${today}&unit=${row.key}`);
      expect([row.key, row.index, row.ci95]).toEqual([row.key, scope.index, scope.ci95]);
    }
  });

  test('a unit of 2 respondents is suppressed in the API, the dashboard, the report data and the public results', async () => {
    const api = await get(getIndices, `/api/indices?survey=sipas&from=${from}&to=${today}&unit=SXD-CLCT`);
    expect(api).toMatchObject({ responses: 2, index: null, ci95: null, suppressed: true });

    const view = await resolveView(
      t.db,
      { kind: 'token', id: 0, label: 't', role: 'leader', unitId: null },
      { survey: 'sipas', from, to: today },
      now,
    );
    if (isViewError(view)) throw new Error(view.message);
    const data = await loadDashboard(t.db, view, { minResponses: 30 });
    expect(data.rankings.units.ranked.map((r) => r.key)).not.toContain('SXD-CLCT');
    expect(data.rankings.units.suppressed.map((r) => [r.key, r.responses])).toContainEqual(['SXD-CLCT', 2]);
    expect(data.rankings.points.ranked.map((r) => r.key)).not.toContain('TTHCC-Q05');
    expect(data.rankings.points.suppressed.map((r) => [r.key, r.responses])).toContainEqual(['TTHCC-Q05', 2]);

    const unitView = await resolveView(
      t.db,
      { kind: 'token', id: 0, label: 't', role: 'leader', unitId: null },
      { survey: 'sipas', quarter, unit: 'SXD-CLCT' },
      now,
    );
    if (isViewError(unitView)) throw new Error(unitView.message);
    const report = await loadDashboard(t.db, unitView, { minResponses: 30, trendUnit: 'week' });
    expect(report.indices).toMatchObject({ responses: 2, index: null, suppressed: true });
    expect(report.trend.points.every((p) => p.index === null)).toBe(true);
    expect(report.channels.every((c) => c.index === null)).toBe(true);
    expect(report.dissatisfied.suppressed).toBe(true);

    const published = (await publicResults(t.db, { quarter, survey: 'sipas', minResponses: 30, now }))!;
    expect(published.units.map((u) => u.code)).not.toContain('SXD-CLCT');
    expect(published.suppressed).toEqual([{ code: 'SXD-CLCT', name: expect.any(String), responses: 2 }]);
    expect(published.units.find((u) => u.code === 'SXD-NHA')?.verdict).toBe('below');
  });

  test('the pooled index interval is wider than if every answer were independent', async () => {
    const scope = await get(getIndices, `/api/indices?survey=sipas&from=${from}&to=${today}&unit=SXD-QLXD`);
    // 80 people × 22 answers; correlated within a person, so far fewer than 1,760 effective answers.
    expect(scope.effectiveN).toBeLessThan(1760 / 2);
    expect(scope.effectiveN).toBeGreaterThanOrEqual(80);
  });
});

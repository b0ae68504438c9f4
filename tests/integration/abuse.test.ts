import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

import { localDay, quarterOf } from '@/lib/time/local';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

// An anonymous survey cannot tell people apart, but it can refuse to let one client speak for many:
// phone answers from one client (an address, or an IPv6 /64) at one desk beyond BURST_RESPONSES
// within BURST_WINDOW_MINUTES are kept, flagged, and left out of indices, cases and public figures.

let t: TestDb;
let POST: (r: Request) => Promise<Response>;
beforeAll(async () => {
  vi.stubEnv('BURST_RESPONSES', '3');
  vi.stubEnv('BURST_WINDOW_MINUTES', '10');
  vi.resetModules();
  t = await createTestDb();
  ({ POST } = await import('@/app/api/responses/route'));
});
afterAll(async () => {
  await t.close();
  vi.unstubAllEnvs();
});

const from = (address: string) => ({ headers: { 'x-hailong-client-address': address } });
async function send(point: string, address: string) {
  const body = quickResponse({ point, answers: { satisfaction: 1, reasons: ['time'] } });
  const res = await POST(jsonRequest(body, from(address)));
  expect(res.status).toBe(201);
  const [row] = await t.all<{ flags: number }>(sql`SELECT flags FROM responses WHERE id = ${body.id}`);
  return { flags: Number(row!.flags), case: ((await res.json()) as { case?: string }).case ?? null };
}

describe('a burst of anonymous negative answers', () => {
  test('is stored flagged beyond the limit, opens no case and stays out of indices and public figures', async () => {
    // Ten answers from one IPv6 client, rotating its address inside its /64.
    const attacker = [];
    for (let i = 0; i < 10; i++) attacker.push(await send('TTHCC-Q01', `2001:db8:aa:bb::${(i + 1).toString(16)}`));
    expect(attacker.map((r) => r.flags)).toEqual([0, 0, 0, 2, 2, 2, 2, 2, 2, 2]);
    expect(attacker.filter((r) => r.case !== null)).toHaveLength(3);

    // Another client at that desk, and the same client at another desk, are not affected.
    expect(await send('TTHCC-Q01', '2001:db8:aa:bc::1')).toMatchObject({ flags: 0 });
    expect(await send('TTHCC-Q03', '2001:db8:aa:bb::1')).toMatchObject({ flags: 0 });

    expect(await t.count('cases')).toBe(5);
    const { publicResults } = await import('@/server/public-results');
    const r = (await publicResults(t.db, {
      quarter: quarterOf(localDay(Date.now())),
      survey: 'quick',
      minResponses: 1,
      now: Date.now(),
    }))!;
    expect(r.overall).toMatchObject({ responses: 5 });
    expect(r.cases.reduce((n, c) => n + c.received, 0)).toBe(5);

    // The rollups agree with a rebuild from the raw responses (which knows the flag too).
    const rollups = async () => t.all(sql`SELECT * FROM rollup_activity_month ORDER BY point_id, repeat`);
    const incremental = await rollups();
    const { rebuildRollups } = await import('@/server/rollups');
    await rebuildRollups(t.db);
    expect(await rollups()).toEqual(incremental);
  });
});

describe('staff see how many answers were left out', () => {
  test('the dashboard counts the flagged answers of its view', async () => {
    const { loadDashboard } = await import('@/server/dashboard');
    const { resolveView } = await import('@/server/view');
    const admin = { kind: 'user' as const, id: 1, label: 'admin', role: 'admin' as const, unitId: null };
    const view = await resolveView(t.db, admin, { survey: 'quick' }, Date.now());
    if (!('filter' in view)) throw new Error(`no view: ${JSON.stringify(view)}`);
    const data = await loadDashboard(t.db, view, { minResponses: 1 });
    expect(data.flagged).toBe(7);
    expect(data.indices.responses).toBe(5);
    // "Điều gì chưa tốt?" counts the same five people, not the burst.
    const { readChoiceCounts } = await import('@/db/queries/choice-counts');
    const answered = (await readChoiceCounts(t.db, view.filter, 'reasons')).filter((r) => r.choice === null);
    expect(answered.reduce((n, r) => n + r.count, 0)).toBe(5);
  });
});

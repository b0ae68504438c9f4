import { describe, expect, test } from 'vitest';

import { expectNoServerError, send as sendTo, sessionCookie, useHostileTarget } from './helpers/hostile';

// The requests that once answered a 5xx (or froze the server), each listed with the answer it
// must get now. tests/e2e/hostile-requests-property.test.ts throws random ones at every page and
// route handler; tests/integration/hostile-input.test.ts covers the bodies of POST
// /api/responses; tests/e2e/authorization-matrix.test.ts who may see what.

const target = useHostileTarget();

const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
  sendTo(target.server, method, path, headers, body);

// The attack's findings, one by one: each answered 500 (or froze the server) before.
describe('the requests that answered 500', () => {
  test.each([
    ['/api/indices?survey=quick&from=2026-01-01&to=9999-12-31', 400],
    ['/api/indices?survey=quick&from=1800-01-01', 400],
    ['/api/rankings?survey=quick&from=5000-01-01&to=9998-12-31', 400],
    ['/api/exports/responses?format=csv&survey=quick&from=0001-01-01', 400],
    ['/api/qr/%E0%A4%A.svg', 400],
    ['/api/surveys/%E0%A4%A', 400],
    ['/api/kiosk/pin', 405],
    ['/api/no-such-thing', 404],
    ['/s/%E0%A4%A', 404],
    ['/admin/points/%E0%A4%A', 404],
    ['/admin/units/%E0%A4%A/posters', 404],
  ])('%s → %i', async (path, status) => {
    const a = await send('GET', path, { cookie: target.adminCookie });
    expectNoServerError(path, a);
    expect(a.status).toBe(status);
    if (path.includes('from=')) expect(a.ms, 'answered at once').toBeLessThan(1_000);
  });

  test.each([
    '/dashboard?survey=quick&from=1800-01-01&trend=day',
    '/dashboard?survey=quick&from=5000-01-01&to=9998-12-31',
    '/dashboard?from=0001-01-01',
    '/dashboard?survey=quick&from=2025-01-01&to=2026-06-30&trend=day',
    '/dashboard/report?quarter=9999-Q4',
    '/dashboard/report?quarter=0001-Q1',
  ])('%s explains the bounds at once', async (path) => {
    const a = await send('GET', path, { cookie: target.leaderCookie });
    expect(a.status, a.body.slice(0, 300)).toBe(200);
    expect(a.body).toMatch(/Khoảng thời gian/);
    expect(a.body.length, 'a page, not megabytes of buckets').toBeLessThan(200_000);
    expect(a.ms).toBeLessThan(1_000);
  });

  test("a unit outside the manager's scope is the forbidden page, an unknown one the not-found page", async () => {
    // truongphong manages SXD-QLXD; SXD-NHA is another unit.
    const cookie = await sessionCookie(target.server, 'truongphong', 'demo-truongphong-2026');
    for (const path of ['/dashboard?survey=quick&unit=SXD-NHA', '/dashboard/report?survey=quick&unit=SXD-NHA']) {
      const a = await send('GET', path, { cookie });
      expect([303, 307, 308], path).toContain(a.status);
    }
    expect((await send('GET', '/dashboard?survey=quick&unit=NO-SUCH-UNIT', { cookie })).status).toBe(404);
  });

  test('a session cookie that does not decode is no session', async () => {
    const api = await send('GET', '/api/indices?survey=quick', { cookie: 'hl_session=%E0%A4%A' });
    expect(api.status).toBe(401);
    expectNoServerError('/api/indices', api);
    const page = await send('GET', '/dashboard', { cookie: 'hl_session=%E0%A4%A' });
    expect([303, 307, 308]).toContain(page.status);
  });

  test('pairDevice with a token that is not a string', async () => {
    const actionId = await serverActionId('/pair/AAAAAAAAAAAAAAAAAAAAAAAA', 'pairDevice');
    expect(actionId, 'the action id in the page bundle').not.toBeNull();
    const a = await send(
      'POST',
      '/pair/AAAAAAAAAAAAAAAAAAAAAAAA',
      {
        'content-type': 'text/plain;charset=UTF-8',
        'next-action': actionId!,
        origin: target.server.url,
        accept: 'text/x-component',
      },
      JSON.stringify([{ $: 1 }, { failed: false }, '$K1']),
    );
    expect(a.status, a.body.slice(0, 300)).toBeLessThan(500);
  });

  test('a cross-site server action is a 403 with the envelope', async () => {
    const a = await send(
      'POST',
      '/login',
      {
        'content-type': 'multipart/form-data; boundary=x',
        'next-action': '0'.repeat(42),
        origin: 'https://evil.example',
      },
      '--x--\r\n',
    );
    expect(a.status, a.body.slice(0, 300)).toBe(403);
    expect(JSON.parse(a.body)).toMatchObject({ error: { code: 'cross_site' } });
  });
});

/** The id of a server action as the page's client bundle names it, or null if not found. */
async function serverActionId(pagePath: string, name: string): Promise<string | null> {
  const html = (await send('GET', pagePath, {})).body;
  const scripts = [...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
  for (const src of scripts) {
    const js = (await send('GET', src, {})).body;
    const m = new RegExp(`createServerReference\\)?\\("([0-9a-f]{40,})"[^)]*"${name}"`).exec(js);
    if (m) return m[1]!;
  }
  return null;
}

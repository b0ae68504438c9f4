import { request as httpRequest } from 'node:http';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { closeDatabase, openSqlite } from '@/db';
import { attemptLogin } from '@/server/auth';

import { startServer, type TestServer } from './helpers/server';

// Property over the running production server: whatever a client puts in the path, the query
// string, the cookies or the headers of a request to any page or route handler, the answer is
// never a 5xx. Route handlers answer a 4xx with the error envelope; pages answer their page, a
// redirect, or the not-found page. tests/integration/hostile-input.test.ts covers the bodies of
// POST /api/responses; tests/e2e/authorization-matrix.test.ts who may see what.

let server: TestServer;
let adminCookie = '';
let leaderCookie = '';

beforeAll(async () => {
  // Demo accounts on, demo responses off: the admin and leader pages render with real data paths.
  server = await startServer({ DEMO_USERS: '1', DEMO_RESPONSES: '0' });
  const db = openSqlite(server.dbPath);
  try {
    for (const [name, password, set] of [
      ['admin', 'demo-admin-2026', (c: string) => (adminCookie = c)],
      ['lanhdao', 'demo-lanhdao-2026', (c: string) => (leaderCookie = c)],
    ] as const) {
      const login = await attemptLogin(db, { username: name, password, now: Date.now(), client: 'e2e' });
      if (!login.ok) throw new Error(`login ${name}`);
      set(`hl_session=${login.token}`);
    }
  } finally {
    await closeDatabase(db);
  }
  // The first request to each route compiles and caches it: timings below are of a warm server.
  for (const path of [
    '/api/indices?survey=quick',
    '/api/rankings?survey=quick',
    '/api/exports/responses?format=csv&survey=quick',
    '/dashboard',
    '/dashboard/report',
  ]) {
    await send('GET', path, { cookie: leaderCookie });
  }
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

type Answer = { status: number; type: string; body: string; ms: number };

/** A raw request: the path goes out byte for byte (fetch would normalise it). */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const url = new URL(server.url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: text,
          ms: Date.now() - started,
        }),
      );
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

function expectNoServerError(path: string, a: Answer) {
  const where = `${path} → ${a.status} ${a.body.slice(0, 200)}`;
  expect(a.status, where).toBeLessThan(500);
  if (path.startsWith('/api/') && a.status >= 400) {
    expect(a.type, where).toMatch(/json/);
    const body = JSON.parse(a.body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
  }
}

const today = new Date().toISOString().slice(0, 10);

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
    const a = await send('GET', path, { cookie: adminCookie });
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
    const a = await send('GET', path, { cookie: leaderCookie });
    expect(a.status, a.body.slice(0, 300)).toBe(200);
    expect(a.body).toMatch(/Khoảng thời gian/);
    expect(a.body.length, 'a page, not megabytes of buckets').toBeLessThan(200_000);
    expect(a.ms).toBeLessThan(1_000);
  });

  test("a unit outside the manager's scope is the forbidden page, an unknown one the not-found page", async () => {
    // truongphong manages SXD-QLXD; SXD-NHA is another unit.
    const db = openSqlite(server.dbPath);
    let cookie = '';
    try {
      const login = await attemptLogin(db, {
        username: 'truongphong',
        password: 'demo-truongphong-2026',
        now: Date.now(),
        client: 'e2e',
      });
      if (!login.ok) throw new Error('login truongphong');
      cookie = `hl_session=${login.token}`;
    } finally {
      await closeDatabase(db);
    }
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
        origin: server.url,
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

// ── the property ────────────────────────────────────────────────────────────────────────────

const PAGES = [
  '/',
  '/s',
  '/s/{seg}',
  '/ket-qua',
  '/tra-cuu',
  '/login',
  '/kiosk',
  '/pair/{seg}',
  '/forbidden',
  '/account',
  '/operator',
  '/cases',
  '/cases/{seg}',
  '/dashboard',
  '/dashboard/report',
  '/admin',
  '/admin/units',
  '/admin/units/{seg}',
  '/admin/units/{seg}/posters',
  '/admin/points',
  '/admin/points/{seg}',
  '/admin/points/{seg}/poster',
  '/admin/procedures',
  '/admin/procedures/{seg}',
  '/admin/surveys',
  '/admin/surveys/{seg}',
  '/admin/surveys/{seg}/{seg}',
  '/admin/users',
  '/admin/users/{seg}',
  '/admin/tokens',
  '/admin/audit',
  '/admin/devices',
  '/{seg}',
];
const APIS = [
  '/api/indices',
  '/api/rankings',
  '/api/exports/responses',
  '/api/exports/indices',
  '/api/qr/{seg}',
  '/api/qr/{seg}.svg',
  '/api/surveys/{seg}',
  '/api/kiosk/heartbeat',
  '/api/kiosk/pin',
  '/api/cases/contact',
  '/api/responses',
  '/api/{seg}',
];
const KEYS = [
  'survey',
  'from',
  'to',
  'quarter',
  'period',
  'unit',
  'point',
  'procedure',
  'channel',
  'trend',
  'page',
  'q',
  'format',
  'status',
  'lang',
  'dossier',
  'sig',
  'c',
  'quy',
  'quai',
  'phieu',
  'ma',
  'next',
  'error',
  'actor',
  'action',
  'start',
  'call',
];
// Already percent-encoded: each goes on the wire as is.
const RAW_PIECES = [
  '%E0%A4%A',
  '%',
  '%%',
  '%zz',
  '%00',
  '%C0%80',
  '%ED%A0%80',
  '%FF',
  '..',
  '%2e%2e%2f',
  '0001-01-01',
  '9999-12-31',
  '1800-01-01',
  '9999-Q4',
  '0001-Q1',
  '2026-Q9',
  '2026-02-30',
  'day',
  'hour',
  '1e308',
  '-1',
  '0',
  'NaN',
  '99999999999999999999',
  'quick',
  'sipas',
  'SXD-QLXD',
  'TTHCC-Q01',
  'csv',
  'xlsx',
  'custom',
  'thisYear',
  '__proto__',
  'constructor',
  `${today}`,
  'x'.repeat(3000),
  '%3Cscript%3E',
  '%22%27%3B--',
  '%F0%9F%98%80',
  '%EF%BC%A8',
  '+',
  '&',
  '=',
];
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...RAW_PIECES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }).map(encodeLoosely) },
);
const value = fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), piece), value), { maxLength: 6 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
const segment = fc.oneof(
  piece,
  fc.constantFrom('TTHCC-Q01', 'SXD-QLXD', 'quick', '1', '%E0%A4%A.svg', 'TTHCC-Q01.png'),
);
const COOKIES = [
  '',
  'hl_session=%E0%A4%A',
  'hl_session=',
  'hl_session=%',
  'hl_device=%E0%A4%A',
  'hl_session=x; hl_session=y',
  '=;;=',
  'hl_session="',
];
const cookie = fc.oneof(
  fc.constantFrom(...COOKIES),
  fc.constantFrom('admin', 'leader'),
  piece.map((p) => `hl_session=${p}`),
);
const headerValue = fc.oneof(
  fc.constantFrom('', 'null', '*', '\t', 'application/json', 'text/x-component', '1', 'x'.repeat(2000)),
  fc.string({ maxLength: 60 }).map(latin1Printable),
);
const extraHeaders = fc.dictionary(
  fc.constantFrom(
    'accept',
    'accept-language',
    'content-type',
    'origin',
    'referer',
    'range',
    'if-none-match',
    'authorization',
    'rsc',
    'next-router-prefetch',
    'x-forwarded-for',
    'sec-fetch-site',
    'purpose',
  ),
  headerValue,
  { maxKeys: 4 },
);

function encodeLoosely(s: string): string {
  return [...s]
    .map((ch) =>
      /^[A-Za-z0-9._~-]$/.test(ch)
        ? ch
        : [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    )
    .join('');
}
function latin1Printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '');
}

describe('hostile requests to every page and route handler', () => {
  test('never a 5xx; route handlers answer the error envelope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PAGES, ...APIS),
        fc.array(segment, { minLength: 2, maxLength: 2 }),
        query,
        cookie,
        extraHeaders,
        fc.constantFrom('GET', 'GET', 'GET', 'POST', 'HEAD'),
        async (template, [a, b], search, jar, headers, method) => {
          let n = 0;
          const path = template.replace(/\{seg\}/g, () => (n++ === 0 ? a! : b!)) + search;
          const cookieHeader = jar === 'admin' ? adminCookie : jar === 'leader' ? leaderCookie : jar;
          const all: Record<string, string> = { ...headers, ...(cookieHeader ? { cookie: cookieHeader } : {}) };
          const answer = await send(method, path, all, method === 'POST' ? '{"x":' : undefined);
          if (method !== 'HEAD') expectNoServerError(path, answer);
          else expect(answer.status, path).toBeLessThan(500);
        },
      ),
      { numRuns: 400, interruptAfterTimeLimit: 40_000 },
    );
  }, 90_000);
});

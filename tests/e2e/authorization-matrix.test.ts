import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { closeDatabase, openSqlite } from '@/db';
import { attemptLogin } from '@/server/auth';
import { createApiToken } from '@/db/queries/api-tokens';
import { createUser, findUnitIdByCode } from '@/db/queries/users';
import { hashPassword, hashToken } from '@/server/secrets';
import { quickResponse } from '@/tests/helpers/http';

import { startServer, type TestServer } from './helpers/server';

// The authorization matrix over HTTP: every protected page and route handler, as anonymous, operator,
// manager of the unit (SXD-QLXD), manager of another unit (SXD-NHA), leader and admin. Pages
// answer 200, a redirect to the login page (anonymous) or to /forbidden (wrong role); route
// handlers 401 / 403 / 200. Server actions have their own matrix in tests/integration.

const WHO = ['anonymous', 'operator', 'manager', 'otherManager', 'leader', 'admin'] as const;
type Who = (typeof WHO)[number];
type Expect = 200 | 201 | 401 | 403 | 404 | 'login' | 'forbidden';

let server: TestServer;
const cookies: Partial<Record<Who, string>> = {};
const bearer: Partial<Record<Who, string>> = {};
let caseCode = '';

beforeAll(async () => {
  server = await startServer({ DEMO_USERS: '0', DEMO_RESPONSES: '0' });
  const db = openSqlite(server.dbPath);
  try {
    const passwordHash = await hashPassword('matrix password 1');
    const people: Array<[Who, 'operator' | 'manager' | 'leader' | 'admin', string | null]> = [
      ['operator', 'operator', null],
      ['manager', 'manager', 'SXD-QLXD'],
      ['otherManager', 'manager', 'SXD-NHA'],
      ['leader', 'leader', null],
      ['admin', 'admin', null],
    ];
    for (const [who, role, unit] of people) {
      const unitId = unit ? await findUnitIdByCode(db, { code: unit }) : null;
      await createUser(
        db,
        { username: who.toLowerCase(), role, unitId, passwordHash },
        { userId: null, label: 'test' },
      );
      const login = await attemptLogin(db, {
        username: who.toLowerCase(),
        password: 'matrix password 1',
        now: Date.now(),
        client: 'test',
      });
      if (!login.ok) throw new Error(`login ${who}`);
      cookies[who] = `hl_session=${login.token}`;
      const token = `hl_matrix_${who}_0123456789abcdef`;
      await createApiToken(
        db,
        { name: `matrix-${who}`, tokenHash: hashToken(token), role, unitId },
        { userId: null, label: 'test' },
      );
      bearer[who] = token;
    }
  } finally {
    await closeDatabase(db);
  }
  // A case of desk 1 (SXD-QLXD), opened the way a citizen opens one.
  const res = await fetch(`${server.url}/api/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(quickResponse({ answers: { satisfaction: 1 } })),
  });
  caseCode = ((await res.json()) as { case: string }).case;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const ALL_STAFF = ['operator', 'manager', 'otherManager', 'leader', 'admin'] as const;
const rule = (
  allowed: readonly Who[],
  denied: Expect = 'forbidden',
  overrides: Partial<Record<Who, Expect>> = {},
): Record<Who, Expect> =>
  Object.fromEntries(
    WHO.map((w) => [w, overrides[w] ?? (w === 'anonymous' ? 'login' : allowed.includes(w) ? 200 : denied)]),
  ) as Record<Who, Expect>;

const ADMIN = rule(['admin']);
const DASHBOARD = rule(['manager', 'otherManager', 'leader', 'admin']);
const today = new Date().toISOString().slice(0, 10);
const yearAgo = new Date(Date.now() - 300 * 86_400_000).toISOString().slice(0, 10);
const quarter = `${today.slice(0, 4)}-Q${Math.floor(Number(today.slice(5, 7)) / 3.01) + 1}`;

const PAGES: Array<[string, Record<Who, Expect>]> = [
  ...[
    '/admin',
    '/admin/units',
    '/admin/units/SXD-QLXD',
    '/admin/points',
    '/admin/points/TTHCC-Q01',
    '/admin/procedures',
    '/admin/surveys',
    '/admin/surveys/quick',
    '/admin/users',
    '/admin/tokens',
    '/admin/summary',
    '/admin/audit',
    '/admin/devices',
    '/admin/points/TTHCC-Q01/poster',
    '/admin/units/SXD-QLXD/posters',
  ].map((p) => [p, ADMIN] as [string, Record<Who, Expect>]),
  ['/dashboard', DASHBOARD],
  [`/dashboard/report?survey=quick&quarter=${quarter}`, DASHBOARD],
  ['/cases', DASHBOARD],
  ['/cases/{case}', rule(['manager', 'leader', 'admin'], 'forbidden', { otherManager: 404 })],
  ['/operator', rule(['operator', 'admin'])],
  ['/account', rule([...ALL_STAFF])],
];

describe.each(PAGES)('GET %s', (path, expected) => {
  test.each(WHO)('as %s', async (who) => {
    const url = `${server.url}${path.replace('{case}', caseCode)}`;
    const res = await fetch(url, { redirect: 'manual', headers: cookies[who] ? { cookie: cookies[who]! } : {} });
    const want = expected[who];
    if (want === 'login') {
      expect(res.status, await res.text().then((t) => t.slice(0, 200))).toBeOneOf([303, 307, 308]);
      expect(res.headers.get('location')).toMatch(/\/login\?next=/);
    } else if (want === 'forbidden') {
      expect([303, 307, 308]).toContain(res.status);
      expect(res.headers.get('location')).toMatch(/\/forbidden$/);
    } else {
      expect(res.status).toBe(want);
    }
  });
});

const API_READ = (): Record<Who, Expect> => ({
  anonymous: 401,
  operator: 403,
  manager: 200,
  otherManager: 200,
  leader: 200,
  admin: 200,
});
const indicesQuery = `survey=quick&from=${yearAgo}&to=${today}`;
const APIS: Array<[string, string, Record<Who, Expect>]> = [
  ['GET', `/api/indices?${indicesQuery}`, API_READ()],
  ['GET', `/api/indices?${indicesQuery}&unit=SXD-QLXD`, { ...API_READ(), otherManager: 403 }],
  ['GET', `/api/rankings?${indicesQuery}`, API_READ()],
  ['GET', `/api/exports/responses?format=csv&${indicesQuery}`, API_READ()],
  ['GET', `/api/exports/indices?format=csv&${indicesQuery}`, API_READ()],
  // The catalogue in the import's format: administrators only.
  ['GET', '/api/exports/procedures?format=csv', { ...API_READ(), manager: 403, otherManager: 403, leader: 403 }],
  [
    'GET',
    '/api/qr/TTHCC-Q01.svg?dossier=H19.20-250310-0042&procedure=1.013236',
    { anonymous: 401, operator: 403, manager: 403, otherManager: 403, leader: 403, admin: 200 },
  ],
  [
    'POST',
    '/api/responses#hotline',
    { anonymous: 401, operator: 201, manager: 403, otherManager: 403, leader: 403, admin: 201 },
  ],
];

/** The status, with the start of the body to read when it is not the one expected. */
async function expectStatus(res: Response, want: Expect) {
  expect(res.status, (await res.clone().text()).slice(0, 300)).toBe(want);
}

describe.each(APIS)('%s %s', (method, path, expected) => {
  test.each(WHO)('as %s, by session cookie', async (who) => {
    const res = await call(
      method,
      path,
      cookies[who] ? { cookie: cookies[who]!, origin: server.url } : { origin: server.url },
    );
    await expectStatus(res, expected[who]);
  });
  test.each(WHO.filter((w) => w !== 'anonymous'))('as %s, by API token', async (who) => {
    const res = await call(method, path, { authorization: `Bearer ${bearer[who]}` });
    // A hotline entry records an operator: it needs a person signed in, never a token.
    const want = path.endsWith('#hotline') && expected[who] === 201 ? 403 : expected[who];
    await expectStatus(res, want);
  });
});

function call(method: string, path: string, headers: Record<string, string>) {
  if (method === 'GET') return fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
  const body = JSON.stringify(quickResponse({ channel: 'hotline' }));
  return fetch(`${server.url}${path.split('#')[0]}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

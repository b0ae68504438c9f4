import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { expectNoServerError, send, useHostileTarget } from './helpers/hostile';

// Property over the running production server: whatever a client puts in the path, the query
// string, the cookies or the headers of a request to any page or route handler, the answer is
// never a 5xx. Route handlers answer a 4xx with the error envelope; pages answer their page, a
// redirect, or the not-found page. The cases it once found are listed in
// tests/e2e/hostile-requests.test.ts.

const target = useHostileTarget();

const today = new Date().toISOString().slice(0, 10);

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
          const cookieHeader = jar === 'admin' ? target.adminCookie : jar === 'leader' ? target.leaderCookie : jar;
          const all: Record<string, string> = { ...headers, ...(cookieHeader ? { cookie: cookieHeader } : {}) };
          const answer = await send(target.server, method, path, all, method === 'POST' ? '{"x":' : undefined);
          if (method !== 'HEAD') expectNoServerError(path, answer);
          else expect(answer.status, path).toBeLessThan(500);
        },
      ),
      { numRuns: 400, interruptAfterTimeLimit: 40_000 },
    );
  }, 90_000);
});

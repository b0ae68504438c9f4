import { describe, expect, test } from 'vitest';

import { allowedOrigins, isCrossSite } from './origin';
import { contentSecurityPolicy } from './security-headers';

const base = 'https://hailong.dongnai.gov.vn';
const h = (init: Record<string, string>) => new Headers(init);

describe('isCrossSite', () => {
  const allowed = allowedOrigins('http://localhost:3000/api/responses', base);
  test.each([
    [{ origin: base }, false],
    [{ origin: 'http://localhost:3000' }, false],
    [{ origin: 'https://evil.example' }, true],
    [{ origin: 'null' }, true],
    [{ 'sec-fetch-site': 'same-origin' }, false],
    [{ 'sec-fetch-site': 'none' }, false],
    [{ 'sec-fetch-site': 'cross-site' }, true],
    [{ 'sec-fetch-site': 'same-site' }, true],
    [{}, false], // a server-to-server client: no browser, no forgery
  ])('%j → cross-site %s', (headers, expected) => {
    expect(isCrossSite(h(headers), allowed)).toBe(expected);
  });
});

test('the Host the browser addressed is allowed even when the URL names another', () => {
  const allowed = allowedOrigins('http://localhost:3000/api/kiosk/pin', base, '127.0.0.1:3000');
  expect(isCrossSite(h({ origin: 'http://127.0.0.1:3000' }), allowed)).toBe(false);
  expect(isCrossSite(h({ origin: 'http://127.0.0.1:4000' }), allowed)).toBe(true);
});

describe('contentSecurityPolicy', () => {
  test('scripts only by nonce, no framing, no plugins; eval only in development', () => {
    const csp = contentSecurityPolicy('abc');
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy('abc', { dev: true })).toContain("'unsafe-eval'");
  });
});

describe('next.config.js headers', () => {
  test('carry exactly the static security headers', async () => {
    const { STATIC_SECURITY_HEADERS } = await import('./security-headers');
    const config = (await import('../../next.config.js')).default as {
      headers(): Promise<Array<{ headers: Array<{ key: string; value: string }> }>>;
    };
    const [rule] = await config.headers();
    expect(rule!.headers.map((x) => [x.key, x.value])).toEqual(STATIC_SECURITY_HEADERS);
  });
});

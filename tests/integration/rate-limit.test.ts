import { afterAll, beforeAll, expect, test, vi } from 'vitest';

import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

let t: TestDb;
let POST: (r: Request) => Promise<Response>;

beforeAll(async () => {
  vi.stubEnv('RATE_LIMIT_PER_MINUTE', '3');
  vi.resetModules();
  t = await createTestDb();
  ({ POST } = await import('@/app/api/responses/route'));
});
afterAll(async () => {
  await t.close();
  vi.unstubAllEnvs();
});

test('a client over RATE_LIMIT_PER_MINUTE gets 429 with Retry-After, and nothing is stored', async () => {
  const from = (address: string) => ({ headers: { 'x-hailong-client-address': address } });
  for (let i = 0; i < 3; i++) {
    expect((await POST(jsonRequest(quickResponse(), from('198.51.100.1')))).status).toBe(201);
  }
  const before = await t.count('responses');
  const res = await POST(jsonRequest(quickResponse(), from('198.51.100.1')));
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await res.json()).error.code).toBe('rate_limited');
  expect(await t.count('responses')).toBe(before);

  // Another client is not affected.
  expect((await POST(jsonRequest(quickResponse(), from('198.51.100.2')))).status).toBe(201);
});

test('an IPv6 client is counted by its /64: rotating addresses inside it does not reset the limit', async () => {
  const from = (address: string) => ({ headers: { 'x-hailong-client-address': address } });
  for (let i = 1; i <= 3; i++) {
    expect((await POST(jsonRequest(quickResponse(), from(`2001:db8:5:6::${i}`)))).status).toBe(201);
  }
  expect((await POST(jsonRequest(quickResponse(), from('2001:db8:5:6:ffff:ffff:ffff:ffff')))).status).toBe(429);
  // The neighbouring /64 is another subscriber.
  expect((await POST(jsonRequest(quickResponse(), from('2001:db8:5:7::1')))).status).toBe(201);
});

test('instances share the counters: hits through two connections count against one limit', async () => {
  const { closeDatabase, openPostgres, openSqlite } = await import('@/db');
  const { hitRateLimit } = await import('@/db/queries/rate-limits');
  // A second connection to the same database, as a second instance behind the load balancer has.
  const other = t.path.startsWith('postgres') ? openPostgres(t.path, { max: 2 }) : openSqlite(t.path);
  try {
    const rule = { limit: 4, windowMs: 60_000 };
    const now = Math.floor(Date.now() / 60_000) * 60_000 + 1000;
    const decisions = await Promise.all(
      Array.from({ length: 6 }, (_, i) => hitRateLimit(i % 2 ? other : t.db, 'login', 'shared-client', rule, now)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(4);
    expect(decisions.filter((d) => !d.allowed)).toHaveLength(2);
  } finally {
    await closeDatabase(other);
  }
});

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

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { closeDatabase, openPostgres, openSqlite, rawAll, rawRun, type Db } from '@/db';
import { SharedRateLimiter } from '@/server/rate-limiter';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

let t: TestDb;
let other: Db;
beforeAll(async () => {
  t = await createTestDb();
  // A second connection to the same database, as another instance behind the load balancer has.
  other = t.path.startsWith('postgres') ? openPostgres(t.path, { max: 2 }) : openSqlite(t.path);
});
afterAll(async () => {
  await closeDatabase(other);
  await t.close();
});

const post = async (body: Record<string, unknown>) => (await POST(jsonRequest(body))).status;

test('a desk deactivated by another instance is refused once a batch has read the new catalogue version', async () => {
  expect(await post(quickResponse({ point: 'TTHCC-Q02' }))).toBe(201); // the desk is now cached
  // Another instance's audited change, which this process did not see being made.
  await rawRun(other, sql`UPDATE service_points SET active = false WHERE code = 'TTHCC-Q02'`);
  await rawRun(
    other,
    sql`INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES (${Date.now()}, 'other instance', 'point.update', 'point', 'TTHCC-Q02')`,
  );
  // The next group commit reads the newest audit id and drops the cached lookups.
  expect(await post(quickResponse())).toBe(201);
  expect(await post(quickResponse({ point: 'TTHCC-Q02' }))).toBe(404);
});

test('instances decide rate limits in memory and share their counts through the database in batches', async () => {
  const rule = { limit: 5, windowMs: 60_000 };
  const now = Math.floor(Date.now() / 60_000) * 60_000 + 1000;
  const a = new SharedRateLimiter(t.db, 'responses', 60_000);
  const b = new SharedRateLimiter(other, 'responses', 60_000);
  // Three hits on each: each instance alone is under the limit, and no write happened yet.
  for (let i = 0; i < 3; i++) expect(a.hit('client-1', rule, now).allowed).toBe(true);
  for (let i = 0; i < 3; i++) expect(b.hit('client-1', rule, now).allowed).toBe(true);
  expect(await rawAll(t.db, sql`SELECT * FROM rate_limits WHERE key = 'client-1'`)).toHaveLength(0);
  // One statement per instance and flush shares them: b flushes last and learns all six.
  await a.flush();
  await b.flush();
  const [row] = await rawAll<{ count: number }>(
    t.db,
    sql`SELECT count FROM rate_limits WHERE scope = 'responses' AND key = 'client-1'`,
  );
  expect(Number(row!.count)).toBe(6);
  expect(b.hit('client-1', rule, now).allowed).toBe(false);
  // a learns b's hits with its next flush: its decisions lag by at most one flush interval.
  a.hit('client-1', rule, now);
  await a.flush();
  expect(a.hit('client-1', rule, now).allowed).toBe(false);
  expect(a.hit('client-2', rule, now).allowed).toBe(true);
});

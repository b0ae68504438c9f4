import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { seedDemoCases } from '@/server/demo-cases';
import { listCases } from '@/db/queries/cases';
import { isOverdue } from '@/lib/cases/status';
import { createTestDb, type TestDb } from '@/tests/helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

test('the demo opens cases through ingest and leaves a realistic queue: open, in progress, closed with replies, one overdue', async () => {
  const now = Date.parse('2026-11-25T03:00:00Z'); // a Wednesday
  expect(await seedDemoCases(t.db, { now })).toBe(7);
  const { rows } = await listCases(t.db, { unitIds: null, limit: 50 });
  const statuses = rows.map((r) => r.status).sort();
  expect(statuses).toEqual(['dismissed', 'in_progress', 'new', 'new', 'resolved', 'resolved', 'resolved']);
  expect(rows.filter((r) => isOverdue(r, now))).toHaveLength(1);
  expect(
    await t.all(
      sql`SELECT code FROM cases WHERE status IN ('resolved', 'dismissed') AND (public_reply IS NULL OR public_reply = '')`,
    ),
  ).toEqual([]);
});

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { GET as exportResponses } from '@/app/api/exports/responses/route';
import { GET as getIndices } from '@/app/api/indices/route';
import { GET as getRankings } from '@/app/api/rankings/route';
import { POST } from '@/app/api/responses/route';
import { servicePoints } from '@/db/schema';
import { localDay } from '@/lib/time/local';
import { rebuildRollups } from '@/server/rollups';
import { importSurvey } from '@/server/seed';
import { bearer } from '@/tests/helpers/auth';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest } from '@/tests/helpers/http';

// SIPAS as five Likert grids (surveys/sipas-matrix.json): each matrix row is a criterion through
// the answers table, the rollups (incremental and rebuilt), /api/indices, rankings and exports.

let t: TestDb;
let leader: { authorization: string };
const today = localDay(Date.now());
const request = (path: string) => new Request(`http://localhost${path}`, { headers: leader });

beforeAll(async () => {
  t = await createTestDb();
  leader = await bearer(t.db, 'leader');
  await importSurvey(t.db, {
    slug: 'sipas-matrix',
    json: JSON.parse(readFileSync('surveys/sipas-matrix.json', 'utf8')),
    source: 'sipas-matrix.json',
  });
  // Not seeded: answerable only at a desk that offers it (lib/survey/offered.ts).
  await t.db.update(servicePoints).set({ offeredSurveys: 'sipas-matrix' }).where(eq(servicePoints.code, 'TTHCC-Q01'));
  // Six respondents: seats 5,5,5,4,2,1 (4 of 6 satisfied); polite 4 for all; the rest skipped.
  for (const seats of [5, 5, 5, 4, 2, 1]) {
    const res = await POST(
      jsonRequest(
        {
          id: randomUUID(),
          survey: 'sipas-matrix',
          point: 'TTHCC-Q01',
          channel: 'qr',
          answers: { access: { seats }, staff: { polite: 4 }, overall: 4 },
        },
        { headers: { 'x-hailong-client-address': `198.51.100.${seats}` } },
      ),
    );
    expect(res.status).toBe(201);
  }
});
afterAll(() => t.close());

async function criteria() {
  const res = await getIndices(request(`/api/indices?survey=sipas-matrix&from=${today}&to=${today}`));
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    dimensions: Array<{
      name: string;
      criteria: Array<{ question: string; title: string; n: number; satisfied: number }>;
    }>;
  };
  return body.dimensions.flatMap((d) => d.criteria.filter((c) => c.n > 0).map((c) => ({ dimension: d.name, ...c })));
}

describe('matrix rows as criteria', () => {
  test('/api/indices counts each row as a criterion, keyed <matrix>.<row>', async () => {
    expect(await criteria()).toEqual([
      expect.objectContaining({
        dimension: 'access',
        question: 'access.seats',
        title: 'Nơi ngồi chờ có đủ chỗ ngồi',
        n: 6,
        satisfied: 4,
      }),
      expect.objectContaining({ dimension: 'staff', question: 'staff.polite', n: 6, satisfied: 6 }),
    ]);
  });

  test('the rollup rebuild gives the same counts', async () => {
    const before = await criteria();
    await rebuildRollups(t.db);
    expect(await criteria()).toEqual(before);
  });

  test('rankings pool the matrix criteria', async () => {
    const res = await getRankings(request(`/api/rankings?survey=sipas-matrix&from=${today}&to=${today}&by=point`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ranked: unknown[]; suppressed: Array<{ n: number; responses: number }> };
    // 12 index answers of 6 people, all at desk 1 (below MIN_RESPONSES people, so listed apart).
    expect([...body.ranked, ...body.suppressed]).toEqual([expect.objectContaining({ n: 12, responses: 6 })]);
  });

  test('the response export has one column per matrix row', async () => {
    const res = await exportResponses(
      request(`/api/exports/responses?format=csv&survey=sipas-matrix&from=${today}&to=${today}`),
    );
    expect(res.status).toBe(200);
    const [header, ...rows] = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toContain('Tiếp cận dịch vụ hành chính công – Nơi ngồi chờ có đủ chỗ ngồi');
    const columns = header!.split(',');
    const seats = columns.findIndex((c) => c.includes('Nơi ngồi chờ có đủ chỗ ngồi'));
    expect(rows.map((r) => r.split(',')[seats]).sort()).toEqual(['1', '2', '4', '5', '5', '5']);
  });
});

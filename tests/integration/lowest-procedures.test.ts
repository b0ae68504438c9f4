// The dashboard's "Thủ tục bị đánh giá thấp nhất" card, rendered from the data the dashboard loads
// for a view: the lowest procedures first, each with its interval, respondents and verdict; a
// procedure with too few respondents is never given a rank, a figure or a verdict; answers that
// named no procedure are no row.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { LowestProcedures } from '@/app/dashboard/_components/LowestProcedures';
import { localDay } from '@/lib/time/local';
import { loadDashboard } from '@/server/dashboard';
import { isViewError, resolveView } from '@/server/view';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

// Procedures handled at desk 1 (db/seed-data/seed.json).
const GOOD = '1.013236'; // everyone "Rất hài lòng"
const MIXED = '1.013231'; // half "Hài lòng", half "Không hài lòng"
const BAD = '1.013238'; // everyone "Không hài lòng"
const THIN = '1.013233'; // two respondents, "Không hài lòng": the lowest, were it counted
const MIN_RESPONSES = 30;

let t: TestDb;
const now = Date.now();
const today = localDay(now);

async function rate(procedure: string | undefined, satisfaction: number, times: number) {
  for (let i = 0; i < times; i++) {
    const res = await POST(
      jsonRequest(
        quickResponse({
          ...(procedure ? { procedure } : {}),
          answers: { satisfaction },
          completedAt: new Date(now - 60_000).toISOString(),
        }),
      ),
    );
    expect(res.status).toBe(201);
  }
}

beforeAll(async () => {
  t = await createTestDb();
  await rate(GOOD, 3, 40);
  await rate(MIXED, 2, 20);
  await rate(MIXED, 1, 20);
  await rate(BAD, 1, 40);
  await rate(THIN, 1, 2);
  await rate(undefined, 1, 40); // no procedure named
}, 120_000);
afterAll(() => t.close());

async function card(): Promise<string> {
  const view = await resolveView(
    t.db,
    { kind: 'token', id: 0, label: 't', role: 'leader', unitId: null },
    { survey: 'quick', from: today, to: today },
    now,
  );
  if (isViewError(view)) throw new Error(view.message);
  const data = await loadDashboard(t.db, view, { minResponses: MIN_RESPONSES });
  return renderToStaticMarkup(createElement(LowestProcedures, { ranking: data.rankings.procedures }));
}

/** The table's body rows, each as its cells' text. */
const rowsOf = (html: string) =>
  [...(/<tbody>(.*)<\/tbody>/s.exec(html)?.[1] ?? '').matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()),
  );

describe('the LowestProcedures card', () => {
  test('lists the procedures lowest first, with interval, respondents and a verdict from the test', async () => {
    const html = await card();
    expect(html).toContain('Thủ tục bị đánh giá thấp nhất');
    const rows = rowsOf(html);
    expect(rows.map((r) => r[1]!.match(/\((\d\.\d{6})\)$/)?.[1])).toEqual([BAD, MIXED, GOOD]);
    expect(rows.map((r) => r[0])).toEqual(['3', '2', '1']); // the rank among all, read from the bottom
    const [bad, mixed, good] = rows;
    expect(bad).toEqual([
      '3',
      expect.stringMatching(/^Cấp giấy phép xây dựng sửa chữa, cải tạo .* \(1\.013238\)$/),
      '0,00 %',
      expect.stringMatching(/^0,00 % – \d+,\d{2} %$/),
      '40',
      'Chưa tốt',
    ]);
    expect(mixed![2]).toBe('50,00 %');
    expect(mixed![4]).toBe('40');
    expect(good!.slice(2)).toEqual(['100,00 %', expect.stringMatching(/^\d+,\d{2} % – 100,00 %$/), '40', 'Làm tốt']);
    // Each procedure links to its public page.
    expect(html).toContain(`href="/thu-tuc/${BAD}"`);
  });

  test('a procedure under MIN_RESPONSES respondents is not ranked, given a figure or a verdict', async () => {
    const html = await card();
    const table = /<table.*<\/table>/s.exec(html)![0];
    expect(table).not.toContain(THIN);
    // Listed apart with its count of people only.
    const thin = /<div class="dash-suppressed">(.*?)<\/div>/s.exec(html)![1]!;
    expect(thin).toContain('Chưa đủ dữ liệu để xếp hạng');
    const item = [...thin.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1]!);
    expect(item).toEqual([expect.stringMatching(/: chưa đủ dữ liệu \(n = 2\)$/)]);
    expect(item[0]).not.toMatch(/%|Chưa tốt|Làm tốt/);
  });

  test('answers that named no procedure are no row, and an empty view says so', async () => {
    const html = await card();
    expect(rowsOf(html)).toHaveLength(3);
    expect(html).not.toMatch(/\(\)<\/span>/);
    const empty = renderToStaticMarkup(
      createElement(LowestProcedures, {
        ranking: { ranked: [], suppressed: [], benchmark: null, target: null } as never,
      }),
    );
    expect(empty).toContain('Chưa có đánh giá nào ghi thủ tục trong bộ lọc này.');
  });
});

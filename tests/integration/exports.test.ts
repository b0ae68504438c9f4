import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { GET as exportIndices } from '@/app/api/exports/indices/route';
import { GET as exportResponses } from '@/app/api/exports/responses/route';
import { POST } from '@/app/api/responses/route';
import { withTransaction } from '@/db';
import { insertResponse } from '@/db/queries/insert-response';
import { localDay } from '@/lib/time/local';
import { bearer } from '@/tests/helpers/auth';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { dossierSignature, jsonRequest } from '@/tests/helpers/http';

let t: TestDb;
let leader: { authorization: string };
const DAY_MS = 86_400_000;
const now = Date.now();
const from = localDay(now - 5 * DAY_MS);
const to = localDay(now);
const EVIL = '=HYPERLINK("http://evil.example","bấm vào đây")';

beforeAll(async () => {
  t = await createTestDb();
  leader = await bearer(t.db, 'leader');
  for (const [i, comment] of [EVIL, 'Cán bộ hướng dẫn tận tình, dễ hiểu.', '+84 912 345 678 gọi lại giúp'].entries()) {
    const res = await POST(
      jsonRequest({
        id: randomUUID(),
        survey: 'quick',
        point: 'TTHCC-Q01',
        channel: 'qr',
        dossier: `H19.20-250310-004${i + 2}`,
        dossierSignature: dossierSignature({ dossier: `H19.20-250310-004${i + 2}` }),
        answers: i === 0 ? { satisfaction: 1, reasons: ['time', 'fees'], comment } : { satisfaction: 3, comment },
        completedAt: new Date(now - (3 - i) * 3_600_000).toISOString(),
      }),
    );
    expect(res.status).toBe(201);
  }
  // 2,345 more at desk 3, many sharing one instant: paging must neither skip nor repeat a row.
  const [ids] = await t.all<{ versionId: number; pointId: number; unitId: number }>(
    sql`SELECT sv.id AS "versionId", p.id AS "pointId", p.unit_id AS "unitId" FROM survey_versions sv JOIN surveys s ON s.id = sv.survey_id,
        service_points p WHERE s.slug = 'quick' AND p.code = 'TTHCC-Q03'`,
  );
  const { versionId, pointId, unitId } = ids!;
  // One transaction around them all: each insert is then a savepoint, not a commit.
  await withTransaction(t.db, async (tx) => {
    for (let i = 0; i < 2345; i++) {
      const at = now - DAY_MS - (i % 7) * 1000;
      await insertResponse(
        tx,
        {
          id: randomUUID(),
          surveyVersionId: versionId,
          pointId,
          unitId,
          procedureId: null,
          channel: 'kiosk',
          dossier: null,
          locale: null,
          startedAt: null,
          completedAt: at,
          receivedAt: at,
          deviceId: null,
          operatorId: null,
          officerId: null,
          clientKey: null,
          bodyHash: 'x',
          answers: '{"satisfaction":2}',
          flags: 0,
        },
        [{ question: 'satisfaction', value: 2 }],
        { answers: 1, satisfied: 1 },
      );
    }
  });
  // 2,348 inserts, each with its answers and rollups: seconds on SQLite, longer over a network.
}, 120_000);
afterAll(() => t.close());

const request = (path: string, headers: Record<string, string> = leader) =>
  new Request(`http://localhost${path}`, { headers });

describe('GET /api/exports/responses', () => {
  test('CSV: UTF-8 with BOM, Vietnamese column titles, formulas neutralised, no dossier numbers', async () => {
    const res = await exportResponses(
      request(`/api/exports/responses?format=csv&survey=quick&from=${from}&to=${to}&point=TTHCC-Q01`),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="phieu-quick-${from}_${to}.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split('\n');
    expect(lines[0]).toContain('Mã phiếu,Thời điểm hoàn thành (giờ Việt Nam),Đơn vị,Quầy');
    expect(lines[0]).toContain('Ông/Bà'); // the questions' own Vietnamese titles
    expect(lines).toHaveLength(4);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""bấm vào đây"")"`);
    expect(text).toContain("'+84 912 345 678 gọi lại giúp");
    expect(text).toContain('time; fees');
    expect(text).not.toContain('H19.20-250310-0042');
  });

  test('pages through every row exactly once', async () => {
    const res = await exportResponses(request(`/api/exports/responses?format=csv&survey=quick&from=${from}&to=${to}`));
    const lines = (await res.text()).trim().split('\n').slice(1);
    expect(lines).toHaveLength(2348);
    expect(new Set(lines.map((l) => l.split(',')[0])).size).toBe(2348);
  });

  test('XLSX opens with the same columns and neutralised text', async () => {
    const res = await exportResponses(
      request(`/api/exports/responses?format=xlsx&survey=quick&from=${from}&to=${to}&point=TTHCC-Q01`),
    );
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Phiếu');
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã phiếu');
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells).toContain(`'${EVIL}`);
    expect(sheet.rowCount).toBe(4);
  });

  test('needs exports.download; bad input is a 4xx envelope', async () => {
    expect((await exportResponses(request('/api/exports/responses?survey=quick', {}))).status).toBe(401);
    expect(
      (await exportResponses(request('/api/exports/responses?survey=quick', await bearer(t.db, 'operator')))).status,
    ).toBe(403);
    const bad = await exportResponses(request('/api/exports/responses?survey=quick&format=pdf'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_query');
    expect((await exportResponses(request('/api/exports/responses?survey=nope'))).status).toBe(404);
    const manager = await bearer(t.db, 'manager', 'SXD-NHA');
    expect((await exportResponses(request('/api/exports/responses?survey=quick&unit=SXD-QLXD', manager))).status).toBe(
      403,
    );
  });
});

describe('GET /api/exports/indices', () => {
  test('CSV of the index table and the desk ranking', async () => {
    const res = await exportIndices(request(`/api/exports/indices?format=csv&survey=quick&from=${from}&to=${to}`));
    const text = await res.text(); // Response.text() drops the BOM
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(
      'Cấp,Yếu tố,Mã tiêu chí,Tiêu chí,n (chỉ số chung: người trả lời; tiêu chí: câu trả lời),Số hài lòng,Chỉ số (%),KTC 95 % – cận dưới,KTC 95 % – cận trên,Chưa đủ dữ liệu,Phân bố (giá trị: số câu trả lời)',
    );
    // 2,348 responses: 2,347 satisfied (one "Không hài lòng"); one criterion, so its Wilson interval.
    expect(lines[1]).toMatch(/^Chỉ số chung,,,,2348,,99\.96,99\.76,99\.99,Không,$/);
    const ranking = await (
      await exportIndices(request(`/api/exports/indices?format=csv&table=points&survey=quick&from=${from}&to=${to}`))
    ).text();
    expect(ranking).toContain('chưa đủ dữ liệu,TTHCC-Q01');
    expect(ranking).toMatch(/\n1,TTHCC-Q03,/);
  });

  test('XLSX holds the three tables', async () => {
    const res = await exportIndices(request(`/api/exports/indices?format=xlsx&survey=quick&from=${from}&to=${to}`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Chỉ số', 'Xếp hạng quầy', 'Xếp hạng đơn vị']);
    expect((await exportIndices(request('/api/exports/indices?survey=quick&table=x'))).status).toBe(400);
  });
});

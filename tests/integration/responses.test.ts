import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { servicePoints } from '@/db/schema';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { dossierResponse, jsonRequest, quickResponse } from '@/tests/helpers/http';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const counts = async () => ({ responses: await t.count('responses'), answers: await t.count('answers') });

describe('POST /api/responses: storing exactly once', () => {
  test('a valid quick rating is accepted and stored with its scored answer', async () => {
    const body = dossierResponse({ procedure: '1.013236', dossier: 'H19.20-250310-0042', locale: 'vi' });
    const before = await counts();
    const res = await POST(jsonRequest(body));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: body.id, status: 'accepted' });
    expect(await counts()).toEqual({ responses: before.responses + 1, answers: before.answers + 1 });

    const [row] = await t.all<Record<string, unknown>>(
      sql`SELECT r.channel, r.dossier, r.locale, r.answers, r.client_key, p.code AS point, u.code AS unit,
                 pr.code AS procedure, sv.version
          FROM responses r JOIN service_points p ON p.id = r.point_id JOIN units u ON u.id = r.unit_id
          JOIN procedures pr ON pr.id = r.procedure_id JOIN survey_versions sv ON sv.id = r.survey_version_id
          WHERE r.id = ${body.id}`,
    );
    expect(row).toMatchObject({
      channel: 'qr',
      dossier: 'H19.20-250310-0042',
      locale: 'vi',
      point: 'TTHCC-Q01',
      unit: 'SXD-QLXD',
      procedure: '1.013236',
      version: 1,
    });
    expect(JSON.parse(row!.answers as string)).toEqual({ satisfaction: 3 });
    // A keyed hash, never the address itself.
    expect(row!.client_key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(String(row!.client_key)).not.toContain('203.0.113.7');
    expect(await t.all(sql`SELECT question, value FROM answers WHERE response_id = ${body.id}`)).toEqual([
      { question: 'satisfaction', value: 3 },
    ]);
  });

  test('a replay of the same body answers 200 with the same body and stores nothing new', async () => {
    const body = quickResponse();
    expect((await POST(jsonRequest(body))).status).toBe(201);
    const before = await counts();
    // Same content, keys in another order: still the same body.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const res = await POST(jsonRequest(reordered));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: body.id, status: 'accepted' });
    expect(await counts()).toEqual(before);
  });

  test('the same id with a different body is a 409 and leaves the first one as it was', async () => {
    const body = quickResponse();
    await POST(jsonRequest(body));
    const before = await counts();
    const res = await POST(jsonRequest({ ...body, answers: { satisfaction: 1 } }));
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('id_conflict');
    expect(await counts()).toEqual(before);
    const [stored] = await t.all<{ answers: string }>(sql`SELECT answers FROM responses WHERE id = ${body.id}`);
    expect(JSON.parse(stored!.answers)).toEqual({ satisfaction: 3 });
  });

  test('two concurrent submissions of one id store one row', async () => {
    const body = quickResponse();
    const before = await counts();
    const results = await Promise.all([POST(jsonRequest(body)), POST(jsonRequest(body)), POST(jsonRequest(body))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(await counts()).toEqual({ responses: before.responses + 1, answers: before.answers + 1 });
  });

  test('two concurrent submissions of one id with different bodies: one stored, the other 409', async () => {
    const body = quickResponse();
    const results = await Promise.all([
      POST(jsonRequest(body)),
      POST(jsonRequest({ ...body, answers: { satisfaction: 2 } })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.all(sql`SELECT id FROM responses WHERE id = ${body.id}`)).toEqual([{ id: body.id }]);
  });

  test('a full SIPAS response stores one normalized answer per scored question', async () => {
    const answers: Record<string, unknown> = { overall: 4, comment: 'Cán bộ nhiệt tình, hướng dẫn rõ ràng.' };
    const [questions] = await t.all<{ definition: string }>(
      sql`SELECT definition FROM survey_versions sv JOIN surveys s ON s.id = sv.survey_id WHERE s.slug = 'sipas'`,
    );
    const criteria = [...questions!.definition.matchAll(/"name":"(q_[a-z_]+)"/g)].map((m) => m[1]!);
    expect(criteria).toHaveLength(22);
    for (const q of criteria) answers[q] = 5;
    const body = quickResponse({ survey: 'sipas', answers });
    const before = await counts();
    expect((await POST(jsonRequest(body))).status).toBe(201);
    // 22 criteria + the overall question; the comment is text and stays in the raw JSON only.
    expect(await counts()).toEqual({ responses: before.responses + 1, answers: before.answers + 23 });
  });
});

const future = new Date(Date.now() + 10 * 60_000).toISOString();
const tooOld = new Date(Date.now() - 31 * 86_400_000).toISOString();
const lateButFine = new Date(Date.now() - 29 * 86_400_000).toISOString();

describe('POST /api/responses: every bad input gets a 4xx with the envelope and stores nothing', () => {
  const cases: [string, () => Request, number, string][] = [
    ['malformed JSON', () => jsonRequest(null, { raw: '{"id": ' }), 400, 'malformed_json'],
    [
      'not JSON',
      () => jsonRequest(null, { raw: 'id=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
      'unsupported_media_type',
    ],
    [
      'no content type',
      () => new Request('http://localhost/api/responses', { method: 'POST', body: '{}' }),
      415,
      'unsupported_media_type',
    ],
    [
      'body over 64 KiB',
      () => jsonRequest(quickResponse({ answers: { satisfaction: 3, comment: 'x'.repeat(70_000) } })),
      413,
      'payload_too_large',
    ],
    ['a JSON array', () => jsonRequest([1, 2]), 400, 'invalid_body'],
    ['missing id', () => jsonRequest({ ...quickResponse(), id: undefined }), 400, 'invalid_body'],
    ['id not a UUID', () => jsonRequest(quickResponse({ id: '42' })), 400, 'invalid_body'],
    ['unknown field', () => jsonRequest(quickResponse({ rating: 5 })), 400, 'invalid_body'],
    ['bad channel', () => jsonRequest(quickResponse({ channel: 'fax' })), 400, 'invalid_body'],
    ['answers missing', () => jsonRequest({ ...quickResponse(), answers: undefined }), 400, 'invalid_body'],
    [
      'completedAt without a zone',
      () => jsonRequest(quickResponse({ completedAt: '2026-03-10T08:42:10' })),
      400,
      'invalid_body',
    ],
    ['completedAt in the future', () => jsonRequest(quickResponse({ completedAt: future })), 400, 'invalid_time'],
    ['completedAt over 30 days ago', () => jsonRequest(quickResponse({ completedAt: tooOld })), 400, 'invalid_time'],
    [
      'startedAt after completedAt',
      () => jsonRequest(quickResponse({ completedAt: lateButFine, startedAt: new Date().toISOString() })),
      400,
      'invalid_time',
    ],
    ['unknown survey', () => jsonRequest(quickResponse({ survey: 'nope' })), 404, 'unknown_survey'],
    ['unknown survey version', () => jsonRequest(quickResponse({ surveyVersion: 99 })), 404, 'unknown_survey_version'],
    ['unknown point', () => jsonRequest(quickResponse({ point: 'NO-SUCH-DESK' })), 404, 'unknown_point'],
    ['unknown procedure', () => jsonRequest(quickResponse({ procedure: '9.999999' })), 404, 'unknown_procedure'],
    ['kiosk channel without a device', () => jsonRequest(quickResponse({ channel: 'kiosk' })), 401, 'device_required'],
    [
      'unknown question',
      () => jsonRequest(quickResponse({ answers: { satisfaction: 3, q_nope: 1 } })),
      422,
      'invalid_answers',
    ],
    ['value out of scale', () => jsonRequest(quickResponse({ answers: { satisfaction: 7 } })), 422, 'invalid_answers'],
    ['wrong type', () => jsonRequest(quickResponse({ answers: { satisfaction: '3' } })), 422, 'invalid_answers'],
    [
      'required question missing',
      () => jsonRequest(quickResponse({ answers: { comment: 'Tốt' } })),
      422,
      'invalid_answers',
    ],
    ['no question answered', () => jsonRequest(quickResponse({ answers: {} })), 422, 'no_answer'],
    ['answers not an object', () => jsonRequest(quickResponse({ answers: [3] })), 422, 'invalid_answers'],
  ];

  test.each(cases)('%s → %i %s', async (_name, makeRequest, status, code) => {
    const before = await counts();
    const res = await POST(makeRequest());
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(await counts()).toEqual(before);
  });

  test('the error message names the problem', async () => {
    const res = await POST(jsonRequest(quickResponse({ answers: { satisfaction: 7 } })));
    expect((await res.json()).error.message).toMatch(/satisfaction/);
    const res2 = await POST(jsonRequest(quickResponse({ point: 'NO-SUCH-DESK' })));
    expect((await res2.json()).error.message).toMatch(/NO-SUCH-DESK/);
  });

  test('an inactive desk is refused', async () => {
    await t.db.update(servicePoints).set({ active: false }).where(eq(servicePoints.code, 'TTKD-01'));
    const before = await counts();
    const res = await POST(jsonRequest(quickResponse({ point: 'TTKD-01' })));
    expect(res.status).toBe(404);
    expect(await counts()).toEqual(before);
    await t.db.update(servicePoints).set({ active: true }).where(eq(servicePoints.code, 'TTKD-01'));
  });

  test('a response completed 29 days ago (a kiosk syncing late) is accepted', async () => {
    const res = await POST(jsonRequest(quickResponse({ id: randomUUID(), completedAt: lateButFine })));
    expect(res.status).toBe(201);
  });
});

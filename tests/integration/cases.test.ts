import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST as postContact } from '@/app/api/cases/contact/route';
import { POST } from '@/app/api/responses/route';
import { ingestResponse } from '@/server/ingest';
import { listAudit } from '@/db/queries/audit';
import { changeCaseStatus, eraseExpiredContacts, findCase, findPublicCase, listCases } from '@/db/queries/cases';
import { unitSubtreeIds } from '@/db/queries/units';
import { findUnitIdByCode } from '@/db/queries/users';
import { bodyHash } from '@/lib/ingest/canonical';
import { envelopeSchema } from '@/lib/ingest/envelope';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const ACTOR = { userId: null, label: 'test' };
const sipasAnswers = (overall: number, extra: Record<string, unknown> = {}) => ({
  overall,
  q_staff_polite: 5,
  ...extra,
});

async function post(body: Record<string, unknown>) {
  const res = await POST(jsonRequest(body));
  return { status: res.status, json: (await res.json()) as { id: string; status: string; case?: string } };
}

describe('which answers open a case', () => {
  test.each([
    [
      'quick "Không hài lòng"',
      quickResponse({ answers: { satisfaction: 1, reasons: ['attitude'] } }),
      ['dissatisfied'],
    ],
    ['quick "Hài lòng"', quickResponse({ answers: { satisfaction: 2 } }), null],
    [
      'quick with a comment marked as a complaint',
      quickResponse({ answers: { satisfaction: 3, comment: 'Phí chưa niêm yết', complaint: true } }),
      ['complaint'],
    ],
    [
      'quick with a comment not marked',
      quickResponse({ answers: { satisfaction: 3, comment: 'Cảm ơn', complaint: false } }),
      null,
    ],
    ['SIPAS overall 2', quickResponse({ survey: 'sipas', answers: sipasAnswers(2) }), ['dissatisfied']],
    ['SIPAS overall 3', quickResponse({ survey: 'sipas', answers: sipasAnswers(3) }), null],
  ])('%s', async (_name, body, reasons) => {
    const before = await t.count('cases');
    const { status, json } = await post(body);
    expect(status).toBe(201);
    if (reasons === null) {
      expect(json.case).toBeUndefined();
      expect(await t.count('cases')).toBe(before);
      return;
    }
    expect(json.case).toMatch(/^PA-[0-9A-Z]{7}-[0-9A-Z]$/);
    const c = (await findCase(t.db, json.case!))!;
    expect(c).toMatchObject({
      status: 'new',
      reasons: reasons.join(','),
      pointCode: 'TTHCC-Q01',
      unitName: 'Phòng Quản lý xây dựng',
    });
  });

  test('a replay answers with the same case code and opens no second case', async () => {
    const body = quickResponse({ answers: { satisfaction: 1 } });
    const first = await post(body);
    const before = await t.count('cases');
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(again.json.case).toBe(first.json.case);
    expect(await t.count('cases')).toBe(before);
  });
});

describe('due dates count working days only', () => {
  const ingestAt = async (receivedAt: number) => {
    const raw = quickResponse({
      answers: { satisfaction: 1 },
      completedAt: new Date(receivedAt - 60_000).toISOString(),
    });
    const envelope = envelopeSchema.parse(raw);
    const outcome = await ingestResponse(t.db, { envelope, bodyHash: bodyHash(raw), receivedAt, clientKey: null });
    if (!outcome.ok || outcome.stored !== 'accepted' || !outcome.caseCode)
      throw new Error(`no case: ${JSON.stringify(outcome)}`);
    return (await findCase(t.db, outcome.caseCode))!;
  };

  test('opened Friday afternoon → due the next Friday, at local midnight', async () => {
    const c = await ingestAt(Date.parse('2026-03-06T08:00:00Z')); // Fri 15:00 local
    expect(new Date(c.dueAt).toISOString()).toBe('2026-03-13T17:00:00.000Z');
  });

  test('opened the day before Reunification Day → the holidays and the weekend do not count', async () => {
    const c = await ingestAt(Date.parse('2026-04-29T03:00:00Z')); // Wed 10:00 local; 30/4, 1/5 holidays
    expect(new Date(c.dueAt).toISOString()).toBe('2026-05-08T17:00:00.000Z');
  });
});

describe('handling, lookup and consented contact', () => {
  let code = '';
  let responseId = '';
  beforeAll(async () => {
    const body = quickResponse({ answers: { satisfaction: 1, comment: 'Chờ quá lâu' } });
    responseId = body.id;
    code = (await post(body)).json.case!;
  });

  test('a contact needs consent and a valid phone or email; it is stored once, apart from the response', async () => {
    const send = async (b: Record<string, unknown>) => {
      const res = await postContact(jsonRequest(b));
      return { status: res.status, body: await res.json() };
    };
    expect((await send({ responseId, phone: '0912345678' })).status).toBe(400); // no consent
    expect((await send({ responseId, phone: '12', consent: true })).body.error.message).toMatch(/phone/);
    expect((await send({ responseId, consent: true })).status).toBe(400); // nothing to reach
    expect((await send({ responseId: randomUUID(), phone: '0912345678', consent: true })).status).toBe(404);
    expect(await t.count('case_contacts')).toBe(0);

    expect((await send({ responseId, name: 'Nguyễn Văn A', phone: '0912 345 678', consent: true })).status).toBe(201);
    expect((await send({ responseId, phone: '0912345678', consent: true })).status).toBe(409);
    expect((await findCase(t.db, code))!.contact).toMatchObject({ phone: '0912345678', name: 'Nguyễn Văn A' });
    const [stored] = await t.all<{ answers: string }>(sql`SELECT answers FROM responses WHERE id = ${responseId}`);
    expect(stored!.answers).not.toContain('0912');
  });

  test('the public lookup shows status and reply, never the comment or the contact', async () => {
    const before = (await findPublicCase(t.db, code))!;
    expect(before).toMatchObject({ code, status: 'new', publicReply: null });
    expect(JSON.stringify(before)).not.toMatch(/Chờ quá lâu|0912|Nguyễn/);

    expect(await changeCaseStatus(t.db, { code, to: 'resolved', now: Date.now() }, ACTOR)).toMatchObject({
      ok: false,
      field: 'publicReply',
    });
    expect(await changeCaseStatus(t.db, { code, to: 'in_progress', now: Date.now() }, ACTOR)).toEqual({ ok: true });
    expect(
      await changeCaseStatus(
        t.db,
        { code, to: 'resolved', publicReply: 'Đã bố trí thêm cán bộ giờ cao điểm.', now: Date.now() },
        ACTOR,
      ),
    ).toEqual({ ok: true });
    expect(await findPublicCase(t.db, code)).toMatchObject({
      status: 'resolved',
      publicReply: 'Đã bố trí thêm cán bộ giờ cao điểm.',
    });
    expect((await listAudit(t.db, { action: 'case.status' })).length).toBe(2);
  });

  test('contacts are erased N days after the case closed, and the erasure is logged', async () => {
    const closedAt = (await findCase(t.db, code))!.closedAt!;
    expect(await eraseExpiredContacts(t.db, { now: closedAt + 29 * 86_400_000, retentionDays: 30 })).toBe(0);
    expect((await findCase(t.db, code))!.contact).not.toBeNull();
    expect(await eraseExpiredContacts(t.db, { now: closedAt + 31 * 86_400_000, retentionDays: 30 })).toBe(1);
    expect((await findCase(t.db, code))!.contact).toBeNull();
    expect((await listAudit(t.db, { action: 'contact.erase' })).map((e) => e.entityId)).toEqual([code]);
  });

  test('a manager’s queue holds only their subtree’s cases', async () => {
    const qlxd = await unitSubtreeIds(t.db, (await findUnitIdByCode(t.db, { code: 'SXD-QLXD' }))!);
    const nha = await unitSubtreeIds(t.db, (await findUnitIdByCode(t.db, { code: 'SXD-NHA' }))!);
    expect((await listCases(t.db, { unitIds: qlxd })).total).toBeGreaterThan(0);
    expect((await listCases(t.db, { unitIds: nha })).total).toBe(0);
    expect((await listCases(t.db, { unitIds: null })).total).toBe(await t.count('cases'));
  });
});

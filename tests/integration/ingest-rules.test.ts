import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST as postContact } from '@/app/api/cases/contact/route';
import { POST } from '@/app/api/responses/route';
import { listAudit } from '@/db/queries/audit';
import { changeCaseStatus } from '@/db/queries/cases';
import { findPointForAdmin } from '@/db/queries/points';
import { createUser } from '@/db/queries/users';
import { servicePoints } from '@/db/schema';
import { updatePointCore } from '@/server/admin/structure';
import { attemptLogin } from '@/server/auth';
import { hashPassword } from '@/server/secrets';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { dossierResponse, dossierSignature, jsonRequest, quickResponse } from '@/tests/helpers/http';

// What POST /api/responses refuses besides malformed bodies: a dossier without its receipt's
// signature, a procedure or survey the desk does not offer, a start outside the accepted window,
// and a second spelling of a stored id. Each refusal stores nothing.

let t: TestDb;
let operatorCookie = '';
beforeAll(async () => {
  t = await createTestDb();
  const passwordHash = await hashPassword('operator password 1');
  await createUser(
    t.db,
    { username: 'op', role: 'operator', unitId: null, passwordHash },
    { userId: null, label: 'test' },
  );
  const login = await attemptLogin(t.db, {
    username: 'op',
    password: 'operator password 1',
    now: Date.now(),
    client: 'test',
  });
  if (!login.ok) throw new Error('login failed');
  operatorCookie = `hl_session=${login.token}`;
});
afterAll(() => t.close());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await POST(jsonRequest(body, { headers }));
  return {
    status: res.status,
    json: (await res.json()) as { id?: string; case?: string; error?: { code: string; message: string } },
  };
}
const dossierRows = async (dossier: string) =>
  (await t.all<{ id: string }>(sql`SELECT id FROM responses WHERE dossier = ${dossier}`)).length;

describe('a dossier is rated only through its receipt link', () => {
  test.each([
    ['no signature', (d: string) => quickResponse({ dossier: d })],
    [
      'a signature for another dossier',
      (d: string) => quickResponse({ dossier: d, dossierSignature: dossierSignature({ dossier: `${d}1` }) }),
    ],
    [
      'a signature for another desk',
      (d: string) =>
        quickResponse({ dossier: d, dossierSignature: dossierSignature({ dossier: d, point: 'TTHCC-Q02' }) }),
    ],
    [
      'a signature made without the procedure named',
      (d: string) =>
        quickResponse({ dossier: d, procedure: '1.013236', dossierSignature: dossierSignature({ dossier: d }) }),
    ],
    ['garbage', (d: string) => quickResponse({ dossier: d, dossierSignature: 'AAAAAAAAAAAAAAAAAAAAAA' })],
  ])('%s: 403 dossier_signature_invalid, nothing stored, and the real receipt still rates it', async (_what, make) => {
    const dossier = `H19.20-261203-${randomUUID().slice(0, 4).toUpperCase()}`;
    const before = await t.count('responses');
    const squat = await post(make(dossier));
    expect(squat.status).toBe(403);
    expect(squat.json.error!.code).toBe('dossier_signature_invalid');
    expect(await t.count('responses')).toBe(before);

    expect((await post(dossierResponse({ dossier }))).status).toBe(201);
  });

  test('a full-width look-alike is the same dossier: normalised before signing, checking and the one-rating rule', async () => {
    const dossier = 'H19.20-261203-0777';
    expect((await post(dossierResponse({ dossier }))).status).toBe(201);
    const lookAlike = 'Ｈ19.20-261203-0777 ';
    const second = await post(
      quickResponse({ dossier: lookAlike, dossierSignature: dossierSignature({ dossier: lookAlike }) }),
    );
    expect(second.status).toBe(409);
    expect(second.json.error!.code).toBe('dossier_already_rated');
    expect(await dossierRows(dossier)).toBe(1);

    // Lower case from a hand-typed receipt number: stored in its one spelling.
    const typed = dossierResponse({ dossier: 'h19.20-261203-0778' });
    expect((await post(typed)).status).toBe(201);
    expect(await dossierRows('H19.20-261203-0778')).toBe(1);
  });

  test('a signed-in hotline operator may name a dossier without a signature', async () => {
    const body = quickResponse({ channel: 'hotline', dossier: 'H19.20-261203-0900' });
    expect((await post(body, { cookie: operatorCookie, origin: 'http://localhost' })).status).toBe(201);
    expect(await dossierRows('H19.20-261203-0900')).toBe(1);
  });
});

describe('exactly once, whatever the case of the UUID', () => {
  test('one UUID in lower then upper case is stored once, in lower case, and the second is a replay', async () => {
    const id = randomUUID();
    const body = quickResponse({ id: id.toUpperCase() });
    expect((await post(body)).status).toBe(201);
    const again = await post({ ...body, id: id.toLowerCase() });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(id.toLowerCase());
    expect(await t.all(sql`SELECT id FROM responses WHERE lower(id) = ${id.toLowerCase()}`)).toEqual([
      { id: id.toLowerCase() },
    ]);
    expect((await post({ ...body, id: id.toUpperCase(), answers: { satisfaction: 1 } })).status).toBe(409);
  });
});

describe('what the desk offers', () => {
  test('a procedure of the catalogue that the desk does not handle is refused (422 procedure_not_offered)', async () => {
    const before = await t.count('responses');
    // 1.012906 (housing) is handled at desk 3, not desk 1.
    const res = await post(quickResponse({ point: 'TTHCC-Q01', procedure: '1.012906' }));
    expect(res.status).toBe(422);
    expect(res.json.error!.code).toBe('procedure_not_offered');
    expect(await t.count('responses')).toBe(before);
    expect((await post(quickResponse({ point: 'TTHCC-Q03', procedure: '1.012906' }))).status).toBe(201);
  });

  test('by default every desk offers the shipped surveys; an admin narrows or extends the list, audited', async () => {
    expect((await post(quickResponse({ point: 'TTHCC-Q02', survey: 'sipas', answers: { overall: 4 } }))).status).toBe(
      201,
    );

    const desk = (await findPointForAdmin(t.db, { code: 'TTHCC-Q02' }))!;
    const admin = { kind: 'user' as const, id: 0, label: 'admin-test', role: 'admin' as const, unitId: null };
    const form = {
      id: String(desk.id),
      name: desk.name,
      unitId: String(desk.unitId),
      phoneSurvey: 'quick',
      kioskSurvey: 'quick',
      active: 'on',
    };
    expect(await updatePointCore(t.db, admin, { ...form, offeredSurveys: 'quick' })).toMatchObject({ status: 'ok' });
    expect(await updatePointCore(t.db, admin, { ...form, offeredSurveys: 'quick, no-such-survey' })).toMatchObject({
      status: 'error',
    });

    const before = await t.count('responses');
    const refused = await post(quickResponse({ point: 'TTHCC-Q02', survey: 'sipas', answers: { overall: 4 } }));
    expect(refused.status).toBe(422);
    expect(refused.json.error!.code).toBe('survey_not_offered');
    expect(await t.count('responses')).toBe(before);
    expect((await post(quickResponse({ point: 'TTHCC-Q02' }))).status).toBe(201);

    const audit = await listAudit(t.db, { action: 'point.update' });
    expect(audit.some((e) => String(e.after).includes('offeredSurveys'))).toBe(true);

    // Back to the default (an empty list).
    expect(await updatePointCore(t.db, admin, { ...form, offeredSurveys: '' })).toMatchObject({ status: 'ok' });
    expect(
      (
        await t.db.select({ o: servicePoints.offeredSurveys }).from(servicePoints).where(eq(servicePoints.id, desk.id))
      )[0]!.o,
    ).toBeNull();
    expect((await post(quickResponse({ point: 'TTHCC-Q02', survey: 'sipas', answers: { overall: 4 } }))).status).toBe(
      201,
    );
  });
});

describe('timing', () => {
  test.each([
    ['0000-01-01T00:00:00Z'],
    ['2000-01-01T00:00:00+07:00'],
    [new Date(Date.now() - 31 * 86_400_000).toISOString()],
  ])('startedAt %s, outside the window completedAt must be in, is a 400', async (startedAt) => {
    const before = await t.count('responses');
    const res = await post(quickResponse({ startedAt }));
    expect(res.status).toBe(400);
    expect(res.json.error!.code).toBe('invalid_time');
    expect(await t.count('responses')).toBe(before);
  });
});

describe('call-back contacts', () => {
  test('are taken only while the case is open', async () => {
    const body = quickResponse({ answers: { satisfaction: 1 } });
    const code = (await post(body)).json.case!;
    const changed = await changeCaseStatus(
      t.db,
      { code, to: 'dismissed', publicReply: 'Đã liên hệ trực tiếp.', now: Date.now() },
      { userId: null, label: 'test' },
    );
    expect(changed).toEqual({ ok: true });
    const res = await postContact(
      jsonRequest({ responseId: body.id.toUpperCase(), phone: '0912345678', consent: true }),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('case_closed');
    expect(await t.count('case_contacts')).toBe(0);
  });
});

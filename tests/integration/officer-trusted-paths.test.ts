// OFFICER_RATINGS=1: the two trusted paths besides the kiosk shift by which a response names the
// officer who served: the signed receipt link (its signature covers the officer) and the signed-in
// hotline operator. A citizen's own body cannot name one. (Setting off: officers-off.test.ts.)
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

import { GET as getQr } from '@/app/api/qr/[file]/route';
import { POST } from '@/app/api/responses/route';
import { POST as postForm } from '@/app/s/[point]/answer/route';
import { createApiToken } from '@/db/queries/api-tokens';
import { createUser, findUnitIdByCode } from '@/db/queries/users';
import { signDossier, verifyDossier } from '@/lib/qr/links';
import { createOfficer, setOfficerActive } from '@/server/admin/officers';
import { attemptLogin } from '@/server/auth';
import { hashPassword, hashToken, newSecretToken } from '@/server/secrets';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';
import { officerOf } from '@/tests/helpers/officers';

vi.hoisted(() => vi.stubEnv('OFFICER_RATINGS', '1'));

const CLI = { userId: null, label: 'test' };
let t: TestDb;
const officer = { here: 0, other: 0, gone: 0 };
let operatorCookie = '';
let adminToken = '';

beforeAll(async () => {
  t = await createTestDb();
  const made = async (unit: string, name: string) => {
    const r = await createOfficer(
      t.db,
      { unitId: (await findUnitIdByCode(t.db, { code: unit }))!, name, title: null, photo: null, userId: null },
      CLI,
    );
    if (!r.ok) throw new Error(r.message);
    return r.id;
  };
  // TTHCC-Q01 is a desk of SXD-QLXD (tests/integration/officers.test.ts rates its officers there).
  officer.here = await made('SXD-QLXD', 'Nguyễn Văn An');
  officer.gone = await made('SXD-QLXD', 'Phạm Văn Đã Nghỉ');
  officer.other = await made('SXD-NHA', 'Lê Văn Cường');
  const off = await setOfficerActive(t.db, { id: officer.gone, active: false }, CLI);
  if (!off.ok) throw new Error(off.message);
  const password = 'operator password 1';
  await createUser(
    t.db,
    { username: 'op', role: 'operator', unitId: null, passwordHash: await hashPassword(password) },
    CLI,
  );
  const login = await attemptLogin(t.db, { username: 'op', password, now: Date.now(), client: 'test' });
  if (!login.ok) throw new Error('login failed');
  operatorCookie = `hl_session=${login.token}`;
  adminToken = newSecretToken('hl_');
  await createApiToken(t.db, { name: 'receipts', tokenHash: hashToken(adminToken), role: 'admin', unitId: null }, CLI);
}, 60_000);
afterAll(async () => {
  await t.close();
  vi.unstubAllEnvs();
});

const sign = (dossier: string, officerId?: number) =>
  signDossier(process.env.APP_SECRET!, { point: 'TTHCC-Q01', dossier, officer: officerId });

async function refused(body: Record<string, unknown>, status: number, code: string, headers = {}) {
  const before = await t.count('responses');
  const res = await POST(jsonRequest(body, { headers }));
  expect(res.status).toBe(status);
  expect((await res.json()).error.code).toBe(code);
  expect(await t.count('responses')).toBe(before);
}

describe('the signed receipt link names the officer who received the dossier', () => {
  test('a valid link stores the response with its officer', async () => {
    const id = randomUUID();
    const body = quickResponse({
      id,
      dossier: 'H19-OFF-0001',
      dossierSignature: sign('H19-OFF-0001', officer.here),
      officer: officer.here,
    });
    const res = await POST(jsonRequest(body));
    expect(res.status).toBe(201);
    expect(await officerOf(t, id)).toBe(officer.here);
  });

  test('a link printed without an officer still takes its rating, with no officer', async () => {
    const id = randomUUID();
    const res = await POST(
      jsonRequest(quickResponse({ id, dossier: 'H19-OFF-0002', dossierSignature: sign('H19-OFF-0002') })),
    );
    expect(res.status).toBe(201);
    expect(await officerOf(t, id)).toBeNull();
  });

  test.each([
    ['added to a link signed without one', () => ({ dossierSignature: sign('H19-OFF-0003'), officer: officer.here })],
    [
      'changed from the one signed',
      () => ({ dossierSignature: sign('H19-OFF-0003', officer.here), officer: officer.gone }),
    ],
  ])('a forged officer (%s) is refused and nothing is stored', async (_what, forged) => {
    await refused(quickResponse({ dossier: 'H19-OFF-0003', ...forged() }), 403, 'dossier_signature_invalid');
  });

  test.each([
    ['of another unit', () => officer.other],
    ['disabled', () => officer.gone],
    ['unknown', () => 999_999],
  ])('a signed officer %s is refused and nothing is stored', async (_what, who) => {
    const id = who();
    await refused(
      quickResponse({ dossier: 'H19-OFF-0004', dossierSignature: sign('H19-OFF-0004', id), officer: id }),
      422,
      'officer_not_at_desk',
    );
  });
});

describe('the receipt printer asks for a link naming the officer (GET /api/qr)', () => {
  const qr = (query: string) =>
    getQr(
      new Request(`http://localhost/api/qr/TTHCC-Q01.svg?${query}`, {
        headers: { authorization: `Bearer ${adminToken}` },
      }),
      { params: Promise.resolve({ file: 'TTHCC-Q01.svg' }) },
    );

  test('the link carries officer=<id> under its signature, and the phone page’s form takes it', async () => {
    const res = await qr(`dossier=H19-OFF-0010&officer=${officer.here}`);
    expect(res.status).toBe(200);
    const url = new URL(res.headers.get('x-qr-url')!);
    expect(url.searchParams.get('officer')).toBe(String(officer.here));
    const ref = { point: 'TTHCC-Q01', dossier: 'H19-OFF-0010', officer: officer.here };
    expect(verifyDossier(process.env.APP_SECRET!, ref, url.searchParams.get('sig'))).toBe(true);

    // The phone page without JavaScript posts its hidden fields (the link's query) with the answers.
    const id = randomUUID();
    const form = new FormData();
    for (const [k, v] of Object.entries({
      id,
      survey: 'quick',
      surveyVersion: '1',
      channel: 'qr',
      'q:satisfaction': '3',
    }))
      form.set(k, v);
    for (const k of ['dossier', 'sig', 'officer']) form.set(k, url.searchParams.get(k)!);
    const posted = await postForm(new Request('http://localhost/s/TTHCC-Q01/answer', { method: 'POST', body: form }), {
      params: Promise.resolve({ point: 'TTHCC-Q01' }),
    });
    expect(posted.status).toBe(303);
    expect(decodeURIComponent(posted.headers.get('location')!)).toContain('/cam-on');
    expect(await officerOf(t, id)).toBe(officer.here);
  });

  test.each([
    [() => `dossier=H19-OFF-0011&officer=${officer.other}`, 'officer_not_at_desk'],
    [() => `dossier=H19-OFF-0011&officer=abc`, 'invalid_query'],
    [() => `officer=${officer.here}`, 'invalid_query'],
  ])('%s is refused', async (query, code) => {
    const res = await qr(query());
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe(code);
  });
});

describe('the hotline operator may name the officer', () => {
  test('a signed-in operator names one: stored with the officer', async () => {
    const id = randomUUID();
    const res = await POST(
      jsonRequest(quickResponse({ id, channel: 'hotline', officer: officer.here }), {
        headers: { cookie: operatorCookie },
      }),
    );
    expect(res.status).toBe(201);
    expect(await officerOf(t, id)).toBe(officer.here);
  });

  test('an officer of another unit is refused', async () => {
    await refused(quickResponse({ channel: 'hotline', officer: officer.other }), 422, 'officer_not_at_desk', {
      cookie: operatorCookie,
    });
  });

  test('an anonymous hotline body naming one is refused', async () => {
    await refused(quickResponse({ channel: 'hotline', officer: officer.here }), 401, 'unauthenticated');
  });
});

describe('a citizen’s own body cannot name an officer', () => {
  test.each([
    ['a phone', { channel: 'qr' }],
    ['a kiosk', { channel: 'kiosk' }],
    ['the web', { channel: 'web' }],
    ['a dossier without its signature', { channel: 'qr', dossier: 'H19-OFF-0005' }],
  ])('%s: 400, nothing stored', async (_who, over) => {
    await refused(quickResponse({ ...over, officer: officer.here }), 400, 'invalid_body');
  });
});

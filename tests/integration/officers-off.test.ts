// OFFICER_RATINGS unset (the default): nothing about officers appears, even with officers and a
// shift already in the database (a deployment that turned the setting off again).
import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { GET as exportOfficers } from '@/app/api/exports/officers/route';
import { GET as getIndices } from '@/app/api/indices/route';
import { GET as getQr } from '@/app/api/qr/[file]/route';
import { GET as getRankings } from '@/app/api/rankings/route';
import { POST as shift } from '@/app/api/kiosk/shift/route';
import { POST } from '@/app/api/responses/route';
import { setDeviceShift } from '@/db/queries/officers';
import { findUnitIdByCode } from '@/db/queries/users';
import { signDossier } from '@/lib/qr/links';
import { localDay } from '@/lib/time/local';
import { createOfficer } from '@/server/admin/officers';
import { DEVICE_COOKIE } from '@/server/device';
import { currentShift } from '@/server/kiosk-shift';
import { bearer } from '@/tests/helpers/auth';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';
import { KIOSK_PIN, kioskHeaders, officerLogin, officerOf, pairedDevice } from '@/tests/helpers/officers';

const CLI = { userId: null, label: 'test' };
let t: TestDb;
let officerId = 0;
let deviceId = 0;
let credential = '';
let leader: { authorization: string };
let officerSession: { cookie: string };
const today = localDay(Date.now());
const view = `survey=quick&from=${today}&to=${today}`;

beforeAll(async () => {
  t = await createTestDb();
  const login = await officerLogin(t.db, 'canbo');
  officerSession = { cookie: login.cookie };
  const made = await createOfficer(
    t.db,
    {
      unitId: (await findUnitIdByCode(t.db, { code: 'SXD-QLXD' }))!,
      name: 'Nguyễn Văn An',
      title: null,
      photo: null,
      userId: login.id,
    },
    CLI,
  );
  if (!made.ok) throw new Error(made.message);
  officerId = made.id;
  ({ id: deviceId, credential } = await pairedDevice(t.db, 'TTHCC-Q01'));
  const now = Date.now();
  await setDeviceShift(t.db, { deviceId, officerId, from: now - 60_000, until: now + 3_600_000 });
  leader = await bearer(t.db, 'leader');
}, 60_000); // two argon2 hashes and a login: slow on a loaded machine
afterAll(() => t.close());

const get = (handler: (r: Request) => Promise<Response>, path: string, headers: Record<string, string> = {}) =>
  handler(new Request(`http://localhost${path}`, { headers }));

describe('with OFFICER_RATINGS off', () => {
  test('the officer export address does not exist, even for an admin', async () => {
    const admin = await bearer(t.db, 'admin');
    const res = await exportOfficers(new Request(`http://localhost/api/exports/officers?${view}`, { headers: admin }));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('unknown_path');
    const audited = await t.all(sql`SELECT id FROM audit_log WHERE action = 'officer.export'`);
    expect(audited).toHaveLength(0);
  });

  test('the kiosk shift address does not exist', async () => {
    const res = await shift(
      new Request('http://localhost/api/kiosk/shift', {
        method: 'POST',
        headers: kioskHeaders(credential),
        body: JSON.stringify({ pin: KIOSK_PIN, officer: officerId }),
      }),
    );
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('unknown_path');
  });

  test('a kiosk response is not linked to the officer of a shift left in the table', async () => {
    const id = randomUUID();
    const res = await POST(
      jsonRequest(quickResponse({ id, channel: 'kiosk' }), { headers: { cookie: `${DEVICE_COOKIE}=${credential}` } }),
    );
    expect(res.status).toBe(201);
    expect(await officerOf(t, id)).toBeNull();
    // The kiosk page reads the shift through the same switch (app/kiosk/page.tsx).
    expect(await currentShift(t.db, deviceId)).not.toBeNull();
  });

  test('a receipt link naming an officer still takes its rating, with the officer ignored', async () => {
    // Links printed while the setting was on stay valid: the signature covers the officer.
    const id = randomUUID();
    const dossier = 'H19-OFF-0100';
    const dossierSignature = signDossier(process.env.APP_SECRET!, { point: 'TTHCC-Q01', dossier, officer: officerId });
    const res = await POST(jsonRequest(quickResponse({ id, dossier, dossierSignature, officer: officerId })));
    expect(res.status).toBe(201);
    expect(await officerOf(t, id)).toBeNull();
    // The envelope's rule does not depend on the setting: a body naming one alone is still a 400.
    const bare = await POST(jsonRequest(quickResponse({ officer: officerId })));
    expect(bare.status).toBe(400);
    // And no new receipt link names one.
    const qr = await getQr(
      new Request(`http://localhost/api/qr/TTHCC-Q01.svg?dossier=${dossier}&officer=${officerId}`, {
        headers: { authorization: (await bearer(t.db, 'admin')).authorization },
      }),
      { params: Promise.resolve({ file: 'TTHCC-Q01.svg' }) },
    );
    expect(qr.status).toBe(400);
    expect((await qr.json()).error.code).toBe('invalid_query');
  });

  test('the rankings know no officer group, and officer= is no filter', async () => {
    const res = await get(getRankings, `/api/rankings?${view}&by=officer`, leader);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_query');
    expect(body.error.message).not.toContain('officer');
    const indices = await (await get(getIndices, `/api/indices?${view}&officer=${officerId}`, leader)).json();
    expect(indices).not.toHaveProperty('officer');
    expect(JSON.stringify(indices)).not.toContain('Nguyễn Văn An');
  });

  test('an officer login sees nothing, and nothing is audited as an officer view', async () => {
    expect((await get(getRankings, `/api/rankings?${view}&by=officer`, officerSession)).status).toBe(403);
    expect((await get(getIndices, `/api/indices?${view}&officer=${officerId}`, officerSession)).status).toBe(403);
    expect(await t.all(sql`SELECT id FROM audit_log WHERE action = 'officer.view'`)).toEqual([]);
  });
});

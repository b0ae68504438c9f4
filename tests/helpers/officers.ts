// Officer ratings' fixture: officers in two units, paired tablets whose staff panel sets the shift,
// officer logins and the callers' tokens, and the kiosk calls that rate under a shift. Shared by
// the tests that run with OFFICER_RATINGS=1 (the setting itself is stubbed in each test file, before
// any module reads it).
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';

import { POST as shift } from '@/app/api/kiosk/shift/route';
import { POST } from '@/app/api/responses/route';
import type { Db } from '@/db';
import { consumePairing, createDevice } from '@/db/queries/devices';
import { findPointByCode } from '@/db/queries/points';
import { createUser, findUnitIdByCode } from '@/db/queries/users';
import { createOfficer } from '@/server/admin/officers';
import { attemptLogin } from '@/server/auth';
import { DEVICE_COOKIE } from '@/server/device';
import { hashPassword, hashToken, newSecretToken } from '@/server/secrets';

import { bearer } from './auth';
import type { TestDb } from './db';
import { jsonRequest, quickResponse } from './http';

/** The PIN of every tablet paired here, asked by its staff panel. */
export const KIOSK_PIN = '2468';

const CLI = { userId: null, label: 'test' };

/** A device created for a desk and paired: its id and the credential its tablet's cookie holds. */
export async function pairedDevice(db: Db, point: string): Promise<{ id: number; credential: string }> {
  const token = newSecretToken();
  const now = Date.now();
  const { id } = await createDevice(db, {
    pointId: (await findPointByCode(db, { code: point }))!.id,
    name: `Tablet ${point}`,
    pairingTokenHash: hashToken(token),
    pinHash: await hashPassword(KIOSK_PIN),
    now,
  });
  const credential = newSecretToken('hld_');
  await consumePairing(db, { tokenHash: hashToken(token), credentialHash: hashToken(credential), now });
  return { id, credential };
}

/** A login with the officer role, signed in: its session cookie and user id. */
export async function officerLogin(db: Db, username: string): Promise<{ cookie: string; id: number }> {
  const password = 'officer password 1';
  const user = await createUser(
    db,
    { username, role: 'officer', unitId: null, passwordHash: await hashPassword(password) },
    CLI,
  );
  const login = await attemptLogin(db, { username, password, now: Date.now(), client: 'test' });
  if (!login.ok) throw new Error('login failed');
  return { cookie: `hl_session=${login.token}`, id: user.id };
}

export const kioskHeaders = (credential: string) => ({
  cookie: `${DEVICE_COOKIE}=${credential}`,
  'content-type': 'application/json',
});

/** The staff panel's call with the right PIN: lists the desk unit's officers, or sets the shift. */
export function setShift(credential: string, body: Record<string, unknown>): Promise<Response> {
  return shift(
    new Request('http://localhost/api/kiosk/shift', {
      method: 'POST',
      headers: kioskHeaders(credential),
      body: JSON.stringify({ pin: KIOSK_PIN, ...body }),
    }),
  );
}

/** A quick rating from a paired tablet. */
export function rateAtKiosk(
  credential: string,
  satisfaction: number,
  over: Record<string, unknown> = {},
): Promise<Response> {
  return POST(
    jsonRequest(quickResponse({ channel: 'kiosk', answers: { satisfaction }, ...over }), {
      headers: { cookie: `${DEVICE_COOKIE}=${credential}` },
    }),
  );
}

/** The officer a stored response is credited to, or null. */
export async function officerOf(t: TestDb, id: string): Promise<number | null> {
  const [row] = await t.all<{ officer: number | null }>(
    sql`SELECT officer_id AS officer FROM responses WHERE id = ${id}`,
  );
  return row?.officer ?? null;
}

type Caller = { authorization: string };

export interface OfficersFixture {
  officer: { a: number; b: number; c: number };
  /** The credentials of the tablets at TTHCC-Q01 and TTHCC-Q03. */
  tablet: { q01: string; q03: string };
  admin: Caller;
  leader: Caller;
  manager: Caller;
  operator: Caller;
  /** Officer A's own login. */
  officerA: { cookie: string };
  /** A login with the officer role that no officer record names. */
  officerUnlinked: { cookie: string };
}

/**
 * Officers A (login canbo.a) and B at SXD-QLXD, C at SXD-NHA; tablets at Q01 (unit SXD-QLXD) and
 * Q03 (SXD-NHA); a token per role (the manager's limited to SXD-QLXD). Rated today under the shifts:
 * officer A 36 people at Q01, 30 satisfied (3) and 6 not (1); officer B 3 people, all satisfied;
 * officer C 32 people at Q03, 16 satisfied. B is left on shift at Q01.
 */
export async function seedOfficers(t: TestDb): Promise<OfficersFixture> {
  const qlxd = (await findUnitIdByCode(t.db, { code: 'SXD-QLXD' }))!;
  const nha = (await findUnitIdByCode(t.db, { code: 'SXD-NHA' }))!;
  const loginA = await officerLogin(t.db, 'canbo.a');
  const officerUnlinked = { cookie: (await officerLogin(t.db, 'canbo.x')).cookie };
  const made = async (unitId: number, name: string, userId: number | null = null) => {
    const r = await createOfficer(t.db, { unitId, name, title: 'Chuyên viên', photo: null, userId }, CLI);
    if (!r.ok) throw new Error(r.message);
    return r.id;
  };
  const officer = {
    a: await made(qlxd, 'Nguyễn Văn An', loginA.id),
    b: await made(qlxd, 'Trần Thị Bình'),
    c: await made(nha, 'Lê Văn Cường'),
  };
  const tablet = {
    q01: (await pairedDevice(t.db, 'TTHCC-Q01')).credential,
    q03: (await pairedDevice(t.db, 'TTHCC-Q03')).credential,
  };
  const fixture: OfficersFixture = {
    officer,
    tablet,
    admin: await bearer(t.db, 'admin'),
    leader: await bearer(t.db, 'leader'),
    manager: await bearer(t.db, 'manager', 'SXD-QLXD'),
    operator: await bearer(t.db, 'operator'),
    officerA: { cookie: loginA.cookie },
    officerUnlinked,
  };

  expect((await setShift(tablet.q01, { officer: officer.a })).status).toBe(200);
  for (let i = 0; i < 36; i++) expect((await rateAtKiosk(tablet.q01, i < 30 ? 3 : 1)).status).toBe(201);
  expect((await setShift(tablet.q01, { officer: officer.b })).status).toBe(200);
  for (let i = 0; i < 3; i++) expect((await rateAtKiosk(tablet.q01, 3)).status).toBe(201);
  expect((await setShift(tablet.q03, { officer: officer.c })).status).toBe(200);
  for (let i = 0; i < 32; i++) expect((await rateAtKiosk(tablet.q03, i < 16 ? 3 : 1)).status).toBe(201);
  return fixture;
}

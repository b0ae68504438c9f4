import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST as heartbeat } from '@/app/api/kiosk/heartbeat/route';
import { POST as pin } from '@/app/api/kiosk/pin/route';
import { POST } from '@/app/api/responses/route';
import { consumePairing, createDevice, findPairing, PAIRING_TTL_MS, revokeDevice } from '@/db/queries/devices';
import { findPointByCode } from '@/db/queries/points';
import { DEVICE_COOKIE } from '@/server/device';
import { hashPassword, hashToken, newSecretToken } from '@/server/secrets';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { dossierResponse, jsonRequest, quickResponse } from '@/tests/helpers/http';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** A device created for a desk and paired: the credential its tablet's cookie holds. */
async function pairedDevice(point = 'TTHCC-Q02', devicePin = '2468'): Promise<{ id: number; credential: string }> {
  const token = newSecretToken();
  const now = Date.now();
  const { id } = await createDevice(t.db, {
    pointId: (await findPointByCode(t.db, { code: point }))!.id,
    name: `Tablet ${point}`,
    pairingTokenHash: hashToken(token),
    pinHash: await hashPassword(devicePin),
    now,
  });
  const credential = newSecretToken('hld_');
  expect(await consumePairing(t.db, { tokenHash: hashToken(token), credentialHash: hashToken(credential), now })).toBe(
    true,
  );
  return { id, credential };
}

const asKiosk = (credential: string) => ({ headers: { cookie: `other=1; ${DEVICE_COOKIE}=${credential}` } });
const kioskBody = (over: Record<string, unknown> = {}) => quickResponse({ channel: 'kiosk', ...over });
const row = async (id: string) =>
  (
    await t.all<{ deviceId: number; flags: number; point: string; unit: string }>(
      sql`SELECT r.device_id AS "deviceId", r.flags, p.code AS point, u.code AS unit FROM responses r
          JOIN service_points p ON p.id = r.point_id JOIN units u ON u.id = r.unit_id WHERE r.id = ${id}`,
    )
  )[0];

describe('pairing', () => {
  test('a pairing link works once', async () => {
    const token = newSecretToken();
    const now = Date.now();
    await createDevice(t.db, {
      pointId: (await findPointByCode(t.db, { code: 'TTHCC-Q01' }))!.id,
      name: 'once',
      pairingTokenHash: hashToken(token),
      pinHash: null,
      now,
    });
    expect(await findPairing(t.db, { tokenHash: hashToken(token), now })).toMatchObject({
      name: 'once',
      pointName: 'Quầy số 1 – Giấy phép xây dựng',
    });
    expect(await consumePairing(t.db, { tokenHash: hashToken(token), credentialHash: hashToken('first'), now })).toBe(
      true,
    );
    expect(await consumePairing(t.db, { tokenHash: hashToken(token), credentialHash: hashToken('second'), now })).toBe(
      false,
    );
    expect(await findPairing(t.db, { tokenHash: hashToken(token), now })).toBeNull();
  });

  test('a pairing link expires after 24 hours', async () => {
    const token = newSecretToken();
    const created = Date.now();
    await createDevice(t.db, {
      pointId: (await findPointByCode(t.db, { code: 'TTHCC-Q01' }))!.id,
      name: 'late',
      pairingTokenHash: hashToken(token),
      pinHash: null,
      now: created,
    });
    const late = created + PAIRING_TTL_MS + 1;
    expect(await findPairing(t.db, { tokenHash: hashToken(token), now: late })).toBeNull();
    expect(await consumePairing(t.db, { tokenHash: hashToken(token), credentialHash: hashToken('x'), now: late })).toBe(
      false,
    );
  });
});

describe('kiosk responses', () => {
  test('are stored with the device, and desk and unit come from the device, not the body', async () => {
    const { id, credential } = await pairedDevice('TTHCC-Q02');
    const body = kioskBody({ point: 'TTHCC-Q05' });
    const res = await POST(jsonRequest(body, asKiosk(credential)));
    expect(res.status).toBe(201);
    expect(await row(body.id)).toEqual({ deviceId: id, flags: 0, point: 'TTHCC-Q02', unit: 'SXD-QLXD' });
  });

  test('without a device, with an unknown credential, or from a revoked device: 401 and nothing stored', async () => {
    const { id, credential } = await pairedDevice();
    await revokeDevice(t.db, { id, now: Date.now() });
    const before = await t.count('responses');
    for (const init of [{}, asKiosk('hld_not-a-real-credential'), asKiosk(credential)]) {
      const res = await POST(jsonRequest(kioskBody(), init));
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('device_required');
    }
    expect(await t.count('responses')).toBe(before);
  });

  test('a page of another site cannot post with the tablet’s cookie: 403, nothing stored', async () => {
    const { credential } = await pairedDevice('TTHCC-Q02');
    const before = await t.count('responses');
    for (const h of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }] as Record<
      string,
      string
    >[]) {
      const res = await POST(jsonRequest(kioskBody(), { headers: { ...asKiosk(credential).headers, ...h } }));
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('cross_site');
    }
    expect(await t.count('responses')).toBe(before);
  });

  test('a repeat press (same answers within KIOSK_REPEAT_SECONDS) is kept and flagged; other answers or later presses are not', async () => {
    const { credential } = await pairedDevice('TTHCC-Q03');
    const t0 = Date.now() - 60_000;
    const at = (ms: number) => new Date(ms).toISOString();
    const send = async (answers: Record<string, unknown>, completedAt: number) => {
      const body = kioskBody({ answers, completedAt: at(completedAt) });
      expect((await POST(jsonRequest(body, asKiosk(credential)))).status).toBe(201);
      return (await row(body.id))!.flags;
    };
    expect(await send({ satisfaction: 3 }, t0)).toBe(0);
    expect(await send({ satisfaction: 3 }, t0 + 4_000)).toBe(1); // 4 s later, same answers: a repeat
    expect(await send({ satisfaction: 2 }, t0 + 6_000)).toBe(0); // different answers
    expect(await send({ satisfaction: 2 }, t0 + 6_000 + 10_001)).toBe(0); // just over 10 s later
  });

  test('a phone (not a device) giving the same answers twice is never flagged', async () => {
    const a = quickResponse();
    const b = quickResponse();
    expect((await POST(jsonRequest(a))).status).toBe(201);
    expect((await POST(jsonRequest(b))).status).toBe(201);
    expect((await row(b.id))!.flags).toBe(0);
  });
});

describe('one rating per dossier', () => {
  test('a second rating of the same dossier is refused with 409 and stores nothing; a replay of the first is still 200', async () => {
    const dossier = `H19.20-${randomUUID().slice(0, 8)}`;
    const first = dossierResponse({ dossier });
    expect((await POST(jsonRequest(first))).status).toBe(201);
    const before = await t.count('responses');
    const second = await POST(jsonRequest(dossierResponse({ dossier, answers: { satisfaction: 1 } })));
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe('dossier_already_rated');
    expect(await t.count('responses')).toBe(before);
    expect((await POST(jsonRequest(first))).status).toBe(200);
  });
});

const beat = (body: unknown, init: { headers?: Record<string, string> } = {}) =>
  new Request('http://localhost/api/kiosk/heartbeat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: JSON.stringify(body),
  });

describe('heartbeat and PIN', () => {
  test('a heartbeat records version, queue and last error', async () => {
    const { id, credential } = await pairedDevice();
    const res = await heartbeat(
      beat({ appVersion: '0.1.0', queueLength: 7, lastError: 'network unreachable' }, asKiosk(credential)),
    );
    expect(res.status).toBe(200);
    const [d] = await t.all<Record<string, unknown>>(
      sql`SELECT app_version, queue_length, last_error, last_seen_at FROM devices WHERE id = ${id}`,
    );
    expect(d).toMatchObject({ app_version: '0.1.0', queue_length: 7, last_error: 'network unreachable' });
    expect(d!.last_seen_at).toBeGreaterThan(Date.now() - 5_000);
  });

  test('a heartbeat without a device is 401, a bad one 400', async () => {
    const { credential } = await pairedDevice();
    expect((await heartbeat(beat({ appVersion: '1', queueLength: 0, lastError: null }))).status).toBe(401);
    const bad = await heartbeat(beat({ appVersion: '1', queueLength: -1, lastError: null }, asKiosk(credential)));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_body');
  });

  test('the PIN is checked on the server; guesses are limited', async () => {
    const { credential } = await pairedDevice('TTHCC-Q04', '135790');
    const tryPin = (p: unknown) =>
      pin(
        new Request('http://localhost/api/kiosk/pin', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...asKiosk(credential).headers },
          body: JSON.stringify({ pin: p }),
        }),
      );
    expect((await tryPin('135790')).status).toBe(200);
    expect((await tryPin('12ab')).status).toBe(400);
    const wrong = await tryPin('000000');
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe('wrong_pin');
    for (let i = 0; i < 3; i++) await tryPin('000000');
    expect((await tryPin('135790')).status).toBe(429); // the 6th attempt in a minute
  }, 30_000); // seven argon2 verifications: slow on a loaded machine
});

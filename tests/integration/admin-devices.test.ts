import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { listAudit } from '@/db/queries/audit';
import { listDevices } from '@/db/queries/devices';
import type { Principal } from '@/lib/auth/permissions';
import { createDeviceCore, relinkDeviceCore, renameDeviceCore, revokeDeviceCore } from '@/server/admin/devices';
import { createTestDb, type TestDb } from '@/tests/helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const admin: Principal = { kind: 'token', id: 1, label: 'token:setup', role: 'admin', unitId: null };

function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('devices in the admin UI', () => {
  test('create shows the one-time pairing link and a QR code of it, and the PIN once', async () => {
    const state = await createDeviceCore(t.db, admin, { pointCode: 'TTHCC-Q02', name: '', pin: '' });
    expect(state.status).toBe('ok');
    if (state.status !== 'ok') return;
    expect(state.secret).toMatch(/\/pair\/[A-Za-z0-9_-]{40,}$/);
    expect(decodeQr(state.qr!)).toBe(state.secret);
    expect(state.message).toMatch(/Mã PIN nhân viên: \d{6}/);
    expect(await listDevices(t.db)).toMatchObject([
      { pointCode: 'TTHCC-Q02', name: 'Máy tính bảng Quầy số 2 – Chứng chỉ hành nghề, năng lực', pairedAt: null },
    ]);
  });

  test('bad input is refused by its field and stores nothing', async () => {
    const before = await t.count('devices');
    const noDesk = await createDeviceCore(t.db, admin, { pointCode: 'KHONG-CO', pin: '1234' });
    expect(noDesk).toMatchObject({
      status: 'error',
      fieldErrors: { pointCode: [expect.stringContaining('Không có quầy')] },
    });
    const badPin = await createDeviceCore(t.db, admin, { pointCode: 'TTHCC-Q02', pin: '12' });
    expect(badPin).toMatchObject({ status: 'error', fieldErrors: { pin: [expect.any(String)] } });
    expect(await t.count('devices')).toBe(before);
  });

  test('rename, new link and revoke are audited; a revoked device gets no new link', async () => {
    const id = (await listDevices(t.db))[0]!.id;
    expect(await renameDeviceCore(t.db, admin, { id: String(id), name: 'Máy quầy 2' })).toMatchObject({ status: 'ok' });
    const relinked = await relinkDeviceCore(t.db, admin, { id: String(id) });
    expect(relinked).toMatchObject({ status: 'ok', secret: expect.stringMatching(/\/pair\//) });
    expect(await revokeDeviceCore(t.db, admin, { id: String(id) })).toMatchObject({ status: 'ok' });
    expect(await revokeDeviceCore(t.db, admin, { id: String(id) })).toMatchObject({ status: 'error' });
    expect(await relinkDeviceCore(t.db, admin, { id: String(id) })).toMatchObject({ status: 'error' });
    expect((await listAudit(t.db, { action: 'device.' })).map((e) => e.action).sort()).toEqual([
      'device.create',
      'device.relink',
      'device.rename',
      'device.revoke',
    ]);
  });
});

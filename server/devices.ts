import { randomInt } from 'node:crypto';

import type { Db } from '@/db';
import { createDevice, renewPairing } from '@/db/queries/devices';
import { findPointByCode } from '@/db/queries/points';
import { getConfig } from '@/lib/config';
import { PIN_PATTERN } from '@/lib/kiosk/pin';
import { fail, type Result } from '@/lib/result';

import { hashPassword, hashToken, newSecretToken } from './secrets';

export const pairingLink = (token: string) => `${getConfig().publicBaseUrl}/pair/${token}`;

export type Provisioned = { id: number; name: string; link: string; pin: string; pinGenerated: boolean };

/**
 * A new kiosk device for a desk, as the CLI (`device create`) and the admin page make it: a
 * one-time pairing link (24 h) and a staff PIN, made when none is given and shown once.
 */
export async function provisionDevice(
  db: Db,
  { pointCode, name, pin }: { pointCode: string; name?: string; pin?: string },
): Promise<Result<Provisioned, 'unknown_point' | 'invalid_pin'>> {
  const point = await findPointByCode(db, { code: pointCode });
  if (!point || !point.active)
    return fail(
      'unknown_point',
      'Không có quầy đang hoạt động với mã này / no active desk with this code',
      'pointCode',
    );
  if (pin !== undefined && !PIN_PATTERN.test(pin))
    return fail('invalid_pin', 'Mã PIN gồm 4–8 chữ số / the PIN is 4–8 digits', 'pin');
  const finalPin = pin ?? String(randomInt(0, 1_000_000)).padStart(6, '0');
  const finalName = name?.trim() || `Máy tính bảng ${point.name}`;
  const token = newSecretToken();
  const { id } = await createDevice(db, {
    pointId: point.id,
    name: finalName,
    pairingTokenHash: hashToken(token),
    pinHash: await hashPassword(finalPin),
    now: Date.now(),
  });
  return { ok: true, id, name: finalName, link: pairingLink(token), pin: finalPin, pinGenerated: pin === undefined };
}

/** A fresh pairing link for an existing device; null when it is revoked or unknown. */
export async function relinkDevice(db: Db, id: number): Promise<string | null> {
  const token = newSecretToken();
  return (await renewPairing(db, { id, pairingTokenHash: hashToken(token), now: Date.now() }))
    ? pairingLink(token)
    : null;
}

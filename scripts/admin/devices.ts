import { randomInt } from 'node:crypto';

import { getDb } from '@/db';
import { createDevice, listDevices, renewPairing, revokeDevice } from '@/db/queries/devices';
import { findPointByCode } from '@/db/queries/points';
import { getConfig } from '@/lib/config';
import { PIN_PATTERN } from '@/lib/kiosk/pin';
import { hashPassword, hashToken, newSecretToken } from '@/lib/server/secrets';

import type { Command } from './commands';

const pairingLink = (token: string) => `${getConfig().publicBaseUrl}/pair/${token}`;

function idFrom(value: unknown): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw new Error('--id must be a device id (see device list)');
  return id;
}

const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + 'Z');

export const deviceCommands: Command[] = [
  {
    name: ['device', 'create'],
    usage: 'device create --point CODE [--name N] [--pin 1234]   prints the one-time pairing link (valid 24 h)',
    options: { point: { type: 'string' }, name: { type: 'string' }, pin: { type: 'string' } },
    async run({ values }) {
      if (typeof values.point !== 'string') throw new Error('device create needs --point CODE');
      const db = getDb();
      const point = findPointByCode(db, { code: values.point });
      if (!point || !point.active) throw new Error(`no active service point ${values.point}`);
      const given = values.pin;
      if (given !== undefined && (typeof given !== 'string' || !PIN_PATTERN.test(given))) throw new Error('--pin must be 4 to 8 digits');
      // Staff need a PIN to leave kiosk mode: make one when none is given, and show it once.
      const pin = typeof given === 'string' ? given : String(randomInt(0, 1_000_000)).padStart(6, '0');
      const name = typeof values.name === 'string' && values.name.trim() ? values.name.trim() : `Máy tính bảng ${point.name}`;
      const token = newSecretToken();
      const { id } = createDevice(db, {
        pointId: point.id,
        name,
        pairingTokenHash: hashToken(token),
        pinHash: await hashPassword(pin),
        now: Date.now(),
      });
      console.log(`Device ${id} "${name}" for ${point.code}.${typeof given === 'string' ? '' : ` Staff PIN (shown once): ${pin}`}`);
      console.log('Open this link once on the tablet within 24 hours:');
      console.log(pairingLink(token));
    },
  },
  {
    name: ['device', 'relink'],
    usage: 'device relink --id N   a new one-time pairing link for an existing device (the old tablet loses access once it is used)',
    options: { id: { type: 'string' } },
    run({ values }) {
      const id = idFrom(values.id);
      const token = newSecretToken();
      if (!renewPairing(getDb(), { id, pairingTokenHash: hashToken(token), now: Date.now() })) {
        throw new Error(`no active device ${id}`);
      }
      console.log(`New pairing link for device ${id} (valid 24 h):`);
      console.log(pairingLink(token));
    },
  },
  {
    name: ['device', 'list'],
    usage: 'device list   every tablet with its desk, last contact and queue',
    run() {
      const rows = listDevices(getDb());
      if (rows.length === 0) return void console.log('No devices.');
      const now = Date.now();
      for (const d of rows) {
        const state = d.revokedAt !== null ? 'revoked' : d.pairedAt !== null ? 'paired' : d.pairingExpiresAt !== null && d.pairingExpiresAt > now ? 'awaiting pairing' : 'pairing expired';
        const ago = d.lastSeenAt === null ? 'never' : `${Math.round((now - d.lastSeenAt) / 60_000)} min ago`;
        console.log(
          [`#${d.id}`, d.pointCode, JSON.stringify(d.name), state, `last contact ${when(d.lastSeenAt)} (${ago})`, `queue ${d.queueLength ?? '-'}`, `app ${d.appVersion ?? '-'}`, d.lastError ? `last error: ${d.lastError}` : '']
            .filter(Boolean)
            .join('  '),
        );
      }
    },
  },
  {
    name: ['device', 'revoke'],
    usage: 'device revoke --id N   the tablet is refused from its next request on',
    options: { id: { type: 'string' } },
    run({ values }) {
      const id = idFrom(values.id);
      if (!revokeDevice(getDb(), { id, now: Date.now() })) throw new Error(`no active device ${id}`);
      console.log(`Device ${id} revoked.`);
    },
  },
];

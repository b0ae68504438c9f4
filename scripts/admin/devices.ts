import { readyDb } from '@/db';
import { listDevices, revokeDevice } from '@/db/queries/devices';
import { provisionDevice, relinkDevice } from '@/server/devices';

import type { Command } from './commands';

function idFrom(value: unknown): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw new Error('--id must be a device id (see device list)');
  return id;
}

const when = (ms: number | null) =>
  ms === null ? '-' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + 'Z';

export const deviceCommands: Command[] = [
  {
    name: ['device', 'create'],
    usage: 'device create --point CODE [--name N] [--pin 1234]   prints the one-time pairing link (valid 24 h)',
    options: { point: { type: 'string' }, name: { type: 'string' }, pin: { type: 'string' } },
    async run({ values }) {
      if (typeof values.point !== 'string') throw new Error('device create needs --point CODE');
      if (values.pin !== undefined && typeof values.pin !== 'string') throw new Error('--pin must be 4 to 8 digits');
      const made = await provisionDevice(await readyDb(), {
        pointCode: values.point,
        name: typeof values.name === 'string' ? values.name : undefined,
        pin: values.pin,
      });
      if (!made.ok) throw new Error(`${values.point}: ${made.message}`);
      console.log(
        `Device ${made.id} "${made.name}" for ${values.point}.${made.pinGenerated ? ` Staff PIN (shown once): ${made.pin}` : ''}`,
      );
      console.log('Open this link once on the tablet within 24 hours:');
      console.log(made.link);
    },
  },
  {
    name: ['device', 'relink'],
    usage:
      'device relink --id N   a new one-time pairing link for an existing device (the old tablet loses access once it is used)',
    options: { id: { type: 'string' } },
    async run({ values }) {
      const id = idFrom(values.id);
      const link = await relinkDevice(await readyDb(), id);
      if (!link) throw new Error(`no active device ${id}`);
      console.log(`New pairing link for device ${id} (valid 24 h):`);
      console.log(link);
    },
  },
  {
    name: ['device', 'list'],
    usage: 'device list   every tablet with its desk, last contact and queue',
    async run() {
      const rows = await listDevices(await readyDb());
      if (rows.length === 0) return void console.log('No devices.');
      const now = Date.now();
      for (const d of rows) {
        const state =
          d.revokedAt !== null
            ? 'revoked'
            : d.pairedAt !== null
              ? 'paired'
              : d.pairingExpiresAt !== null && d.pairingExpiresAt > now
                ? 'awaiting pairing'
                : 'pairing expired';
        const ago = d.lastSeenAt === null ? 'never' : `${Math.round((now - d.lastSeenAt) / 60_000)} min ago`;
        console.log(
          [
            `#${d.id}`,
            d.pointCode,
            JSON.stringify(d.name),
            state,
            `last contact ${when(d.lastSeenAt)} (${ago})`,
            `queue ${d.queueLength ?? '-'}`,
            `app ${d.appVersion ?? '-'}`,
            d.lastError ? `last error: ${d.lastError}` : '',
          ]
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
    async run({ values }) {
      const id = idFrom(values.id);
      if (!(await revokeDevice(await readyDb(), { id, now: Date.now() }))) throw new Error(`no active device ${id}`);
      console.log(`Device ${id} revoked.`);
    },
  },
];

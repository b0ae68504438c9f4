import { readyDb } from '@/db';
import { listOfficers } from '@/db/queries/officers';
import { findUnitIdByCode, findUserByUsername } from '@/db/queries/users';
import { officerCreateSchema } from '@/lib/officers/record';
import { createOfficer, setOfficerActive } from '@/server/admin/officers';

import type { Command } from './commands';

const CLI_ACTOR = { userId: null, label: 'cli' };

function idFrom(value: unknown): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw new Error('--id must be an officer id (see officer list)');
  return id;
}

export const officerCommands: Command[] = [
  {
    name: ['officer', 'create'],
    usage:
      'officer create --unit CODE --name "Họ tên" [--title "Chức danh"] [--user USERNAME]   a staff record (OFFICER_RATINGS); --user links an officer login',
    options: {
      unit: { type: 'string' },
      name: { type: 'string' },
      title: { type: 'string' },
      user: { type: 'string' },
    },
    async run({ values }) {
      const db = await readyDb();
      if (typeof values.unit !== 'string') throw new Error('officer create needs --unit CODE');
      const unitId = await findUnitIdByCode(db, { code: values.unit });
      if (unitId === null) throw new Error(`no unit ${values.unit}`);
      let userId: number | null = null;
      if (typeof values.user === 'string') {
        const user = await findUserByUsername(db, { username: values.user });
        if (!user) throw new Error(`no user ${values.user}`);
        userId = user.id;
      }
      const input = officerCreateSchema.parse({ unitId, name: values.name, title: values.title, userId });
      const made = await createOfficer(db, input, CLI_ACTOR);
      if (!made.ok) throw new Error(made.message);
      console.log(`Officer ${made.id} "${input.name}" in ${values.unit}.`);
    },
  },
  {
    name: ['officer', 'list'],
    usage: 'officer list [--unit CODE]   every officer with unit, title, state and linked login',
    options: { unit: { type: 'string' } },
    async run({ values }) {
      const db = await readyDb();
      const unitId = typeof values.unit === 'string' ? await findUnitIdByCode(db, { code: values.unit }) : null;
      if (typeof values.unit === 'string' && unitId === null) throw new Error(`no unit ${values.unit}`);
      const rows = await listOfficers(db, { unitIds: unitId === null ? null : [unitId] });
      if (rows.length === 0) return void console.log('No officers.');
      for (const o of rows) {
        console.log(
          [
            `#${o.id}`,
            o.unitCode,
            JSON.stringify(o.name),
            o.title ? JSON.stringify(o.title) : '-',
            o.active ? 'active' : 'disabled',
            o.userId === null ? 'no login' : `login #${o.userId}`,
          ].join('  '),
        );
      }
    },
  },
  {
    name: ['officer', 'disable'],
    usage: 'officer disable --id N   no longer offered on kiosks; their ratings stay in history',
    options: { id: { type: 'string' } },
    async run({ values }) {
      const id = idFrom(values.id);
      const done = await setOfficerActive(await readyDb(), { id, active: false }, CLI_ACTOR);
      if (!done.ok) throw new Error(done.message);
      console.log(`Officer ${id} disabled.`);
    },
  },
];

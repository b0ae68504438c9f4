import { readyDb } from '@/db';
import { listActiveUnits } from '@/db/queries/catalog';
import { addSummaryRecipient, listSummaryRecipients, removeSummaryRecipient } from '@/db/queries/summary';
import { findUnitIdByCode } from '@/db/queries/users';

import type { Command } from './commands';

const CLI_ACTOR = { userId: null, label: 'cli' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const summaryCommands: Command[] = [
  {
    name: ['summary', 'add'],
    usage:
      "summary add --email A [--unit CODE] [--monthly] [--quarterly]   send the summary e-mail (SMTP_URL) to A: the department, or a unit's subtree; both periods unless one is named",
    options: {
      email: { type: 'string' },
      unit: { type: 'string' },
      monthly: { type: 'boolean' },
      quarterly: { type: 'boolean' },
    },
    async run({ values }) {
      if (typeof values.email !== 'string' || !EMAIL.test(values.email))
        throw new Error('summary add needs --email with an e-mail address');
      const db = await readyDb();
      let unitId: number | null = null;
      if (typeof values.unit === 'string') {
        unitId = await findUnitIdByCode(db, { code: values.unit });
        if (unitId === null) throw new Error(`No unit "${values.unit}".`);
      }
      const both = !values.monthly && !values.quarterly;
      const id = await addSummaryRecipient(
        db,
        {
          email: values.email,
          unitId,
          monthly: both || values.monthly === true,
          quarterly: both || values.quarterly === true,
        },
        CLI_ACTOR,
      );
      console.log(`Recipient ${id} added.`);
    },
  },
  {
    name: ['summary', 'list'],
    usage: "summary list                                         the summary e-mail's recipients",
    async run() {
      const db = await readyDb();
      const units = new Map((await listActiveUnits(db)).map((u) => [u.id, u.code]));
      for (const r of await listSummaryRecipients(db)) {
        const periods = [r.monthly && 'monthly', r.quarterly && 'quarterly'].filter(Boolean).join(', ');
        console.log(`${r.id}\t${r.email}\t${r.unitId === null ? '(department)' : units.get(r.unitId)}\t${periods}`);
      }
    },
  },
  {
    name: ['summary', 'remove'],
    usage: 'summary remove --id N                                stop sending the summary to recipient N',
    options: { id: { type: 'string' } },
    async run({ values }) {
      const id = Number(values.id);
      if (!Number.isInteger(id) || id < 1) throw new Error('--id must be a recipient id (see summary list)');
      if (!(await removeSummaryRecipient(await readyDb(), id, CLI_ACTOR)))
        throw new Error(`No active recipient ${id}.`);
      console.log(`Recipient ${id} removed.`);
    },
  },
];

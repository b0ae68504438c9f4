import { readyDb } from '@/db';
import { eraseExpiredContacts } from '@/db/queries/cases';
import { getConfig } from '@/lib/config';

import type { Command } from './commands';

export const caseCommands: Command[] = [
  {
    name: ['contacts', 'purge'],
    usage:
      'contacts purge                                       erase call-back contacts of cases closed over CONTACT_RETENTION_DAYS ago (the server also does this hourly)',
    async run() {
      const n = await eraseExpiredContacts(await readyDb(), {
        now: Date.now(),
        retentionDays: getConfig().CONTACT_RETENTION_DAYS,
      });
      console.log(`Erased ${n} contact${n === 1 ? '' : 's'}.`);
    },
  },
];

import { existsSync } from 'node:fs';

import { getDb } from '@/db';

import type { Command } from './commands';

export const backupCommands: Command[] = [
  {
    name: ['backup'],
    usage: 'backup <file>                                        online copy of the database, safe while serving',
    async run({ positionals }) {
      const [file] = positionals;
      if (!file) throw new Error('backup needs a destination file');
      if (existsSync(file)) throw new Error(`${file} exists; choose a new file`);
      // SQLite's online backup API copies pages in steps, so writers are never blocked for long.
      await getDb().$client.backup(file);
      console.log(`Backed up to ${file}`);
    },
  },
];

import { existsSync } from 'node:fs';

import { dialectOf, readyDb, sqliteClient } from '@/db';

import type { Command } from './commands';

export const backupCommands: Command[] = [
  {
    name: ['backup'],
    usage: 'backup <file>                                        online copy of a SQLite database, safe while serving (PostgreSQL: pg_dump)',
    async run({ positionals }) {
      const [file] = positionals;
      if (!file) throw new Error('backup needs a destination file');
      const db = await readyDb();
      if (dialectOf(db) === 'postgres') {
        throw new Error('backup copies a SQLite database file; this DATABASE_URL is PostgreSQL: back it up with pg_dump (e.g. pg_dump -Fc -f hailong.dump "$DATABASE_URL") and restore with pg_restore');
      }
      if (existsSync(file)) throw new Error(`${file} exists; choose a new file`);
      // SQLite's online backup API copies pages in steps, so writers are never blocked for long.
      await sqliteClient(db).backup(file);
      console.log(`Backed up to ${file}`);
    },
  },
];

import { existsSync } from 'node:fs';

import { closeDatabase, dialectOf, openPostgres, readyDb, sqliteClient } from '@/db';
import { copySqliteToPostgres } from '@/db/copy';
import { isPostgresUrl } from '@/db/dialect';
import { getConfig } from '@/lib/config';
import { generatedSecretFile } from '@/server/secret';

import type { Command } from './commands';

export const backupCommands: Command[] = [
  {
    name: ['backup'],
    usage:
      'backup <file>                                        online copy of a SQLite database, safe while serving (PostgreSQL: pg_dump)',
    async run({ positionals }) {
      const [file] = positionals;
      if (!file) throw new Error('backup needs a destination file');
      const db = await readyDb();
      if (dialectOf(db) === 'postgres') {
        throw new Error(
          'backup copies a SQLite database file; this DATABASE_URL is PostgreSQL: back it up with pg_dump (e.g. pg_dump -Fc -f hailong.dump "$DATABASE_URL") and restore with pg_restore',
        );
      }
      if (existsSync(file)) throw new Error(`${file} exists; choose a new file`);
      // SQLite's online backup API copies pages in steps, so writers are never blocked for long.
      await sqliteClient(db).backup(file);
      console.log(`Backed up to ${file}`);
    },
  },
  {
    name: ['copy-to-postgres'],
    usage:
      'copy-to-postgres <postgres://…>                      copy this SQLite database into a new, empty PostgreSQL database',
    async run({ positionals }) {
      const [url] = positionals;
      if (!url || !isPostgresUrl(url))
        throw new Error(
          'copy-to-postgres needs the URL of an empty PostgreSQL database, e.g. postgres://hailong:secret@db.internal:5432/hailong',
        );
      const source = await readyDb();
      if (dialectOf(source) === 'postgres')
        throw new Error('copy-to-postgres copies from SQLite; this DATABASE_URL is already PostgreSQL');
      const target = openPostgres(url, { max: 2 });
      const started = Date.now();
      try {
        const copied = await copySqliteToPostgres(source, target, {
          onTable: ({ table, rows }) =>
            console.log(`${table.padEnd(28)} ${rows.toLocaleString('en').padStart(12)} rows`),
        });
        const total = copied.reduce((sum, t) => sum + t.rows, 0);
        console.log(
          `Copied ${total.toLocaleString('en')} rows in ${copied.length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
        // The signed dossier QR codes already printed carry signatures made with this secret.
        const secretSource = getConfig().APP_SECRET
          ? 'the APP_SECRET this deployment has now'
          : `the contents of ${generatedSecretFile()}`;
        console.log(
          `Start the instances with DATABASE_URL set to it and APP_SECRET set to ${secretSource}, so printed QR codes stay valid.`,
        );
      } finally {
        await closeDatabase(target);
      }
    },
  },
];

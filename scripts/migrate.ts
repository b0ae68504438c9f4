import { closeDatabase, readyDb } from '@/db';
import { getConfig } from '@/lib/config';

// readyDb() applies every committed migration that the database has not had yet.
await closeDatabase(await readyDb());
console.log(`Migrated ${getConfig().DATABASE_URL}`);

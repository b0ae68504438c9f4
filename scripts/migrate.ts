import { getDb } from '@/db';
import { getConfig } from '@/lib/config';

// getDb() applies every committed migration that the database has not had yet.
getDb();
console.log(`Migrated ${getConfig().DATABASE_URL}`);

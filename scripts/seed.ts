import { getDb } from '@/db';
import { seedReferenceData, seedSurveys } from '@/db/seed';
import { seedDemoUsers } from '@/db/seed-users';
import { getConfig } from '@/lib/config';

const db = getDb();
const ref = seedReferenceData(db);
console.log(`Seeded ${getConfig().DATABASE_URL}: ${ref.units} units, ${ref.points} desks, ${ref.procedures} procedures.`);
for (const s of seedSurveys(db)) {
  console.log(`Survey ${s.slug}: version ${s.version}${s.created ? ' (new)' : ''}${s.published ? ', published' : ''}`);
}
if (process.argv.includes('--demo-users')) {
  console.log(`Demo accounts created: ${await seedDemoUsers(db)} (README lists them).`);
}

import { parseArgs } from 'node:util';

import { closeDatabase, readyDb } from '@/db';
import { seedDemoResponses } from '@/server/demo';
import { seedReferenceData, seedSurveys } from '@/server/seed';
import { seedDemoUsers } from '@/server/seed-users';
import { getConfig } from '@/lib/config';

// npm run db:seed [-- --demo-responses 50000 [--seed 2026]]
const { values } = parseArgs({ options: { 'demo-responses': { type: 'string' }, seed: { type: 'string' } } });
const whole = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
};
const demo = whole('demo-responses', values['demo-responses']);
const seed = whole('seed', values.seed);

const db = await readyDb();
const ref = await seedReferenceData(db);
console.log(
  `Seeded ${getConfig().DATABASE_URL}: ${ref.units} units, ${ref.points} desks, ${ref.procedures} procedures.`,
);
for (const s of await seedSurveys(db)) {
  console.log(`Survey ${s.slug}: version ${s.version}${s.created ? ' (new)' : ''}${s.published ? ', published' : ''}`);
}
if (demo !== undefined && demo > 0) {
  const started = Date.now();
  const stored = await seedDemoResponses(db, { count: demo, seed });
  console.log(
    `Demo: ${stored} responses over the last year (${demo - stored} already there) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}
if (process.argv.includes('--demo-users')) {
  console.log(`Demo accounts created: ${await seedDemoUsers(db)} (README lists them).`);
}
await closeDatabase(db);

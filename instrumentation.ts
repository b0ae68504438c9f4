// Runs once when the Next server starts: check the bundled questionnaires, migrate the
// database and seed an empty one, so `npm start` on a fresh machine serves a working app and a
// broken survey file stops the start with the file and the problem named.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { loadBundledSurveys } = await import('./surveys');
  const { getDb } = await import('./db');
  const { seedIfEmpty } = await import('./db/seed');
  loadBundledSurveys();
  const db = getDb();
  if (seedIfEmpty(db)) {
    console.log('Hài Lòng: empty database seeded with demo reference data and surveys.');
    if (process.env.DEMO_USERS !== '0') {
      const { seedDemoUsers } = await import('./db/seed-users');
      const n = await seedDemoUsers(db);
      if (n) console.log(`Hài Lòng: ${n} demo accounts created (see README); set DEMO_USERS=0 in production.`);
    }
  }

  const { startBackgroundJobs } = await import('./lib/server/background');
  startBackgroundJobs(db);
}

// Runs once when the Next server starts: check the bundled questionnaires, migrate the
// database and seed an empty one, so `npm start` on a fresh machine serves a working app and a
// broken survey file stops the start with the file and the problem named.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { loadBundledSurveys } = await import('./surveys');
  const { readyDb, withStartupLock } = await import('./db');
  const { seedIfEmpty } = await import('./server/seed');
  const { rebuildRollups, rollupsMissing } = await import('./server/rollups');
  const { getConfig } = await import('./lib/config');
  loadBundledSurveys();
  const db = await readyDb();
  // Instances of one PostgreSQL database started together take turns, so only one of them seeds.
  await withStartupLock(db, async () => {
    if (await seedIfEmpty(db)) {
      console.log('Hài Lòng: empty database seeded with demo reference data and surveys.');
      const count = getConfig().DEMO_RESPONSES;
      if (count > 0) {
        const { seedDemoResponses } = await import('./server/demo');
        console.log(
          `Hài Lòng: ${await seedDemoResponses(db, { count })} demo responses over the last year (DEMO_RESPONSES).`,
        );
        const { seedDemoCases } = await import('./server/demo-cases');
        console.log(`Hài Lòng: ${await seedDemoCases(db)} demo cases in the handling queue.`);
      }
      if (getConfig().DEMO_USERS) {
        const { seedDemoUsers } = await import('./server/seed-users');
        const n = await seedDemoUsers(db);
        if (n) console.log(`Hài Lòng: ${n} demo accounts created (see README); set DEMO_USERS=0 in production.`);
      }
    }
    // A database from before the rollups (or restored without them) gets them once, here.
    if (await rollupsMissing(db))
      console.log(`Hài Lòng: rollups rebuilt from ${(await rebuildRollups(db)).responses} responses.`);
  });

  const { startBackgroundJobs } = await import('./server/background');
  startBackgroundJobs(db);
}

// Runs once when the Next server starts: migrate the database and seed an empty one, so
// `npm start` on a fresh machine serves a working app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDb } = await import('./db');
  const { seedIfEmpty } = await import('./db/seed');
  const db = getDb();
  if (seedIfEmpty(db)) console.log('Hài Lòng: empty database seeded with demo reference data and surveys.');
}

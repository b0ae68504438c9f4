// Child process of bench/ingest.ts: migrates and seeds DATABASE_URL's database, stores
// BENCH_STORED generated responses with their rollups, and prints the desk's ids as JSON. A
// process of its own because '@/db/schema' is the engine's schema that DATABASE_URL names.
import { sql } from 'drizzle-orm';

import { closeDatabase, openDatabase, rawAll } from '@/db';

import { generate, prepare } from './generate';

const db = openDatabase(process.env.DATABASE_URL!);
const stored = Number(process.env.BENCH_STORED ?? 0);
const { fx } = await prepare(db);
const day = 86_400_000;
// Two years up to yesterday, so today's posted answers land in rollup rows of their own.
if (stored > 0) await generate(db, fx, 0, stored, { startMs: Date.now() - 730 * day, endMs: Date.now() - day }, true);
const [ids] = await rawAll<{ pointId: number; unitId: number }>(
  db,
  sql`SELECT id AS "pointId", unit_id AS "unitId" FROM service_points WHERE code = 'TTHCC-Q01'`,
);
if (!ids) throw new Error('the seed has no desk TTHCC-Q01');
await closeDatabase(db);
console.log(JSON.stringify({ versionId: fx.versionId, ...ids }));

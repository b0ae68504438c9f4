import { spawnSync } from 'node:child_process';

import { TEMPLATES, TEST_DB_PREFIX, urlOf, withAdmin } from './pg';

// Builds the two template databases the PostgreSQL integration run copies for every test: one
// migrated, one migrated and seeded like a first start. The project's own commands do it, in a
// child process, so this process never loads the data layer bound to an engine.
function run(script: string, database: string) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script], {
    // A postgres:// DATABASE_URL makes APP_SECRET required; tests/helpers/env.ts sets it only in the workers.
    env: { APP_SECRET: 'integration-test-secret-0123456789', ...process.env, DATABASE_URL: urlOf(database), DEMO_USERS: '0' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${script} on ${database} failed:\n${r.stdout}\n${r.stderr}`);
}

async function dropTestDatabases(alsoTemplates: boolean) {
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR (datname = ANY($2) AND $3)`,
      [`${TEST_DB_PREFIX}%`, Object.values(TEMPLATES), alsoTemplates],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}

export default async function setup() {
  await dropTestDatabases(true);
  await withAdmin((c) => c.query(`CREATE DATABASE ${TEMPLATES.empty}`));
  run('scripts/migrate.ts', TEMPLATES.empty);
  await withAdmin((c) => c.query(`CREATE DATABASE ${TEMPLATES.seeded} TEMPLATE ${TEMPLATES.empty}`));
  run('scripts/seed.ts', TEMPLATES.seeded);
  return () => dropTestDatabases(false);
}

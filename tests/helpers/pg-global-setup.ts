import { spawnSync } from 'node:child_process';

import type { TestProject } from 'vitest/node';

import { databasesToDrop, dropDatabase, newRunId, templateName, urlOf, withAdmin } from './pg';

// Builds the two template databases the PostgreSQL integration run copies for every test: one
// migrated, one migrated and seeded like a first start. The project's own commands do it, in a
// child process, so this process never loads the data layer bound to an engine.
function run(script: string, database: string) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script], {
    // A postgres:// DATABASE_URL makes APP_SECRET required; tests/helpers/env.ts sets it only in the workers.
    env: {
      APP_SECRET: 'integration-test-secret-0123456789',
      ...process.env,
      DATABASE_URL: urlOf(database),
      DEMO_USERS: '0',
    },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${script} on ${database} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Drops this run's databases and other runs' stale ones; never a live run's. */
export async function dropRunDatabases(runId: string, now = Date.now()): Promise<string[]> {
  return withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'hl\\_t%'`);
    const names = databasesToDrop(
      rows.map((r) => r.datname),
      runId,
      now,
    );
    for (const name of names) await dropDatabase(c, name);
    return names;
  });
}

export default async function setup(project: TestProject) {
  const runId = newRunId();
  await dropRunDatabases(runId);
  const empty = templateName(runId, 'empty');
  const seeded = templateName(runId, 'seeded');
  await withAdmin((c) => c.query(`CREATE DATABASE ${empty}`));
  run('scripts/migrate.ts', empty);
  await withAdmin((c) => c.query(`CREATE DATABASE ${seeded} TEMPLATE ${empty}`));
  run('scripts/seed.ts', seeded);
  project.provide('pgRun', runId);
  return () => dropRunDatabases(runId).then(() => undefined);
}

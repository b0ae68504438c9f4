import pg from 'pg';

// Integration tests on PostgreSQL: each test database is a copy of a template that the project's
// global setup migrated (and seeded) once, so a fresh database costs a file copy, not a migration.

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://hailong:hailong@127.0.0.1:5432/hailong';
export const TEST_DB_PREFIX = 'hl_t_';
const TEMPLATE_PREFIX = 'hl_tpl_';
export type Template = 'empty' | 'seeded';

/**
 * Two test runs may share one PostgreSQL server (two clones, two engineers): each run names its
 * databases after a run id that starts with its start time (`r` + base-36 milliseconds), drops
 * only its own, and drops another run's only once it is STALE_AFTER_MS old (a run killed before
 * its teardown).
 */
export const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
const RUN_NAME = /^hl_(?:t|tpl)_r([0-9a-z]{8,10})_/;

export function newRunId(now = Date.now()): string {
  return `r${now.toString(36)}_${process.pid}`;
}

/** When the run that made a database started, or null for a name no run of this helper made. */
export function runStartOf(database: string): number | null {
  const m = RUN_NAME.exec(database);
  return m ? Number.parseInt(m[1]!, 36) : null;
}

export function templateName(run: string, template: Template): string {
  return `${TEMPLATE_PREFIX}${run}_${template}`;
}

/** This run's databases (templates included) and other runs' stale ones. */
export function databasesToDrop(names: readonly string[], run: string, now: number): string[] {
  return names.filter((name) => {
    if (name.startsWith(`${TEST_DB_PREFIX}${run}_`) || name.startsWith(`${TEMPLATE_PREFIX}${run}_`)) return true;
    const started = runStartOf(name);
    return started !== null && now - started > STALE_AFTER_MS;
  });
}

export function urlOf(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Whether a PostgreSQL server answers at TEST_POSTGRES_URL (a quick probe for the test config). */
export async function postgresReachable(): Promise<boolean> {
  try {
    await withAdmin((c) => c.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

type Queryer = Pick<pg.Client, 'query'>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drops a test database however busy it is. `WITH (FORCE)` alone was refused when an autovacuum
 * worker (a superuser's process) was on the fresh database: "must be a member of the role whose
 * process is being terminated or member of pg_signal_backend". So: end our own sessions on it,
 * then a plain DROP (which asks autovacuum to stop and waits for it), retried; FORCE as a last
 * try. A database that still will not go is left with a warning: the next run drops it once
 * stale, and no test fails for it.
 */
export async function dropDatabase(c: Queryer, name: string, { attempts = 8, pauseMs = 250 } = {}): Promise<boolean> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a test database name: ${name}`);
  for (let attempt = 1; ; attempt++) {
    try {
      await c.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()',
        [name],
      );
      await c.query(`DROP DATABASE IF EXISTS ${name}${attempt === attempts ? ' WITH (FORCE)' : ''}`);
      return true;
    } catch (err) {
      const message = (err as Error).message;
      if (!/being accessed by other users|pg_signal_backend|terminate|other session/i.test(message)) throw err;
      if (attempt >= attempts) {
        console.warn(`Test database ${name} left behind (${message}); a later run drops it.`);
        return false;
      }
      await sleep(pauseMs * attempt);
    }
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgRun: string;
  }
}

/** This run's id, as tests/helpers/pg-global-setup.ts provided it to the test workers. */
async function currentRun(): Promise<string> {
  const { inject } = await import('vitest');
  return inject('pgRun');
}

let serial = 0;

/** A new database copied from one of this run's templates; `drop` removes it. */
export async function createDatabaseFrom(
  template: Template,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  serial += 1;
  const run = await currentRun();
  const name = `${TEST_DB_PREFIX}${run}_${process.pid}_${serial}`;
  await withAdmin(async (c) => {
    // Two copies of one template at the same instant can collide ("being accessed by other
    // users"): the file copy briefly connects to the template. Retry a few times.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${templateName(run, template)}`);
        return;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  return {
    name,
    url: urlOf(name),
    drop: () => withAdmin(async (c) => void (await dropDatabase(c, name))),
  };
}

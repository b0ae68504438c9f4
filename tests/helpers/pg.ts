import pg from 'pg';

// Integration tests on PostgreSQL: each test database is a copy of a template that the project's
// global setup migrated (and seeded) once, so a fresh database costs a file copy, not a migration.

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://hailong:hailong@127.0.0.1:5432/hailong';
export const TEMPLATES = { empty: 'hl_tpl_empty', seeded: 'hl_tpl_seeded' } as const;
export const TEST_DB_PREFIX = 'hl_t_';

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

let serial = 0;

/** A new database copied from a template; `drop` removes it. */
export async function createDatabaseFrom(template: keyof typeof TEMPLATES): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  serial += 1;
  const name = `${TEST_DB_PREFIX}${process.pid}_${serial}_${Date.now() % 1e6}`;
  await withAdmin(async (c) => {
    // Two copies of one template at the same instant can collide ("being accessed by other
    // users"): the file copy briefly connects to the template. Retry a few times.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATES[template]}`);
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
    drop: () => withAdmin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}

import { describe, expect, test } from 'vitest';

import { dropRunDatabases } from '@/tests/helpers/pg-global-setup';
import {
  databasesToDrop,
  dropDatabase,
  newRunId,
  postgresReachable,
  STALE_AFTER_MS,
  templateName,
  withAdmin,
} from '@/tests/helpers/pg';

// The PostgreSQL test teardown must not fail a green run by chance, and two runs sharing one
// server must not drop each other's databases.

// Against a real server only in the PostgreSQL run, so that the SQLite run does not race it.
const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') === true && (await postgresReachable());

const REFUSED = 'must be a member of the role whose process is being terminated or member of pg_signal_backend';

/** A stand-in client whose first `failures` DROPs are refused the way an autovacuum worker made them. */
function refusingClient(failures: number) {
  const sql: string[] = [];
  let refused = 0;
  return {
    sql,
    query: async (text: string) => {
      sql.push(text);
      if (text.startsWith('DROP') && refused < failures) {
        refused += 1;
        throw new Error(REFUSED);
      }
      return { rows: [] };
    },
  };
}

describe('dropDatabase', () => {
  test("a DROP refused because of another role's process is retried", async () => {
    const c = refusingClient(2);
    expect(await dropDatabase(c as never, 'hl_t_x', { pauseMs: 1 })).toBe(true);
    expect(c.sql.filter((s) => s.startsWith('DROP'))).toHaveLength(3);
    // Our own sessions are ended first, and the first tries do not need to terminate others.
    expect(c.sql[0]).toMatch(/pg_terminate_backend/);
    expect(c.sql[1]).toBe('DROP DATABASE IF EXISTS hl_t_x');
  });

  test('one that never goes is left with a warning, not a failed run', async () => {
    const c = refusingClient(100);
    expect(await dropDatabase(c as never, 'hl_t_x', { attempts: 3, pauseMs: 1 })).toBe(false);
  });

  test('any other error still fails', async () => {
    const c = { query: async () => Promise.reject(new Error('permission denied to drop database')) };
    await expect(dropDatabase(c as never, 'hl_t_x', { pauseMs: 1 })).rejects.toThrow(/permission denied/);
  });
});

describe('databases of concurrent runs', () => {
  const now = Date.parse('2026-12-03T08:00:00Z');
  const mine = newRunId(now);
  const other = newRunId(now - 60_000);
  const old = newRunId(now - STALE_AFTER_MS - 1);

  test("a run drops its own and stale ones, never a live run's nor names it did not make", () => {
    const names = [
      templateName(mine, 'empty'),
      `hl_t_${mine}_123_1`,
      templateName(other, 'seeded'),
      `hl_t_${other}_456_2`,
      templateName(old, 'empty'),
      `hl_t_${old}_789_3`,
      'hl_t_two_instances_4242',
      'hl_tpl_empty',
      'hailong',
    ];
    expect(databasesToDrop(names, mine, now)).toEqual([
      templateName(mine, 'empty'),
      `hl_t_${mine}_123_1`,
      templateName(old, 'empty'),
      `hl_t_${old}_789_3`,
    ]);
  });

  test.runIf(onPostgres)("on a real server, another live run's database survives this run's teardown", async () => {
    const live = newRunId(Date.now() - 1_000).replace(/_\d+$/, '_1');
    const stale = newRunId(Date.now() - STALE_AFTER_MS - 60_000).replace(/_\d+$/, '_2');
    const me = newRunId().replace(/_\d+$/, '_3');
    const made = [`hl_t_${live}_1_1`, `hl_t_${stale}_1_1`, `hl_t_${me}_1_1`];
    await withAdmin(async (c) => {
      for (const name of made) await c.query(`CREATE DATABASE ${name}`);
    });
    try {
      const dropped = await dropRunDatabases(me);
      expect(dropped).toContain(`hl_t_${me}_1_1`);
      expect(dropped).toContain(`hl_t_${stale}_1_1`);
      expect(dropped).not.toContain(`hl_t_${live}_1_1`);
      const { rows } = await withAdmin((c) =>
        c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [made]),
      );
      expect(rows.map((r) => r.datname)).toEqual([`hl_t_${live}_1_1`]);
    } finally {
      await withAdmin((c) => dropDatabase(c, `hl_t_${live}_1_1`));
    }
  });
});

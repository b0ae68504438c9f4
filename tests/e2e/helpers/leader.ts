import { spawnSync } from 'node:child_process';

import type { Page } from 'playwright-core';

import type { TestServer } from './server';

/** The leader account the dashboard's browser tests sign in with. */
export const LEADER = { username: 'lanhdao', password: 'lanh-dao-mat-khau-2026' };

/** Creates the leader with the admin CLI, as an administrator would on a server without demo accounts. */
export function createLeader(server: TestServer): void {
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/.bin/tsx',
      'scripts/admin.ts',
      'user',
      'create',
      '--username',
      LEADER.username,
      '--role',
      'leader',
      '--password',
      LEADER.password,
    ],
    {
      env: { ...process.env, DATABASE_URL: `file:${server.dbPath}`, APP_SECRET: 'e2e-secret-0123456789abcdef' },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`user create failed: ${r.stderr}`);
}

/** Signs the leader in through the login form and lands on `next`. */
export async function signInLeader(page: Page, server: TestServer, next: string): Promise<void> {
  await page.goto(`${server.url}/login?next=${encodeURIComponent(next)}`);
  await page.fill('input[name=username]', LEADER.username);
  await page.fill('input[name=password]', LEADER.password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')]);
}

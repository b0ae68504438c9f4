import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, test } from 'vitest';

import { quickResponse } from '@/tests/helpers/http';

import { startServer } from './helpers/server';

// The production server (scripts/server.mjs) refuses to start on a database it cannot open or
// write, sends HSTS under an https public address, and closes its database on SIGTERM.

const dir = mkdtempSync(join(tmpdir(), 'hailong-lifecycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the server until it exits (or 60 s): its exit code and everything it printed. */
function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/server.mjs'], {
      env: {
        ...process.env,
        PORT: '39999',
        APP_SECRET: 'e2e-secret-0123456789abcdef',
        NEXT_TELEMETRY_DISABLED: '1',
        DEMO_RESPONSES: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('fail fast', () => {
  test('a database path that cannot be opened stops the start, naming DATABASE_URL', async () => {
    // A directory where the database file should be.
    const path = join(dir, 'is-a-directory.db');
    mkdirSync(path);
    const { code, output } = await runUntilExit({ DATABASE_URL: `file:${path}` });
    expect(code, output).not.toBe(0);
    expect(output).toMatch(/DATABASE_URL/);
    expect(output).toMatch(/cannot be opened or written/);
    expect(output).not.toMatch(/is serving on/);
  });

  // Root ignores file modes, so this one needs an ordinary user.
  test.skipIf(process.getuid?.() === 0)('a read-only database file stops the start, naming DATABASE_URL', async () => {
    const path = join(dir, 'read-only', 'hailong.db');
    mkdirSync(join(dir, 'read-only'));
    writeFileSync(path, '');
    chmodSync(path, 0o444);
    chmodSync(join(dir, 'read-only'), 0o555);
    const { code, output } = await runUntilExit({ DATABASE_URL: `file:${path}` });
    expect(code, output).not.toBe(0);
    expect(output).toMatch(/DATABASE_URL/);
  });
});

describe('a running server', () => {
  test('sends HSTS under https and, on SIGTERM, closes its database (no WAL left)', async () => {
    const path = join(dir, 'clean', 'hailong.db');
    const server = await startServer({
      DATABASE_URL: `file:${path}`,
      PUBLIC_BASE_URL: 'https://hailong.example.gov.vn',
    });
    try {
      for (const res of [await fetch(`${server.url}/`), await fetch(`${server.url}/api/surveys/quick`)]) {
        expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      }
      const posted = await fetch(`${server.url}/api/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(quickResponse()),
      });
      expect(posted.status).toBe(201);
      expect(posted.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(existsSync(`${path}-wal`), 'a running server writes through the WAL').toBe(true);
    } finally {
      await server.stop();
    }
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}-wal`), 'the WAL is folded back and removed on a clean stop').toBe(false);
  });
});

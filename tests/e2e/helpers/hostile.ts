import { request as httpRequest } from 'node:http';

import { afterAll, beforeAll, expect } from 'vitest';

import { closeDatabase, openSqlite } from '@/db';
import { attemptLogin } from '@/server/auth';

import { startServer, type TestServer } from './server';

// The running production server as the hostile-request tests attack it: raw requests whose path
// goes out byte for byte, and the rule every answer keeps (never a 5xx; a route handler's 4xx in
// the error envelope).

export type Answer = { status: number; type: string; body: string; ms: number };

/** A raw request: the path goes out byte for byte (fetch would normalise it). */
export function send(
  server: TestServer,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  const url = new URL(server.url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: text,
          ms: Date.now() - started,
        }),
      );
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export function expectNoServerError(path: string, a: Answer) {
  const where = `${path} → ${a.status} ${a.body.slice(0, 200)}`;
  expect(a.status, where).toBeLessThan(500);
  if (path.startsWith('/api/') && a.status >= 400) {
    expect(a.type, where).toMatch(/json/);
    const body = JSON.parse(a.body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
  }
}

/** The session cookie of a demo account, signed in straight through the server's database. */
export async function sessionCookie(server: TestServer, username: string, password: string): Promise<string> {
  const db = openSqlite(server.dbPath);
  try {
    const login = await attemptLogin(db, { username, password, now: Date.now(), client: 'e2e' });
    if (!login.ok) throw new Error(`login ${username}`);
    return `hl_session=${login.token}`;
  } finally {
    await closeDatabase(db);
  }
}

export type HostileTarget = { server: TestServer; adminCookie: string; leaderCookie: string };

/**
 * Registers the file's hooks and returns the target they fill: a server with the demo accounts
 * on and no demo responses (the admin and leader pages render with real data paths), signed in
 * as admin and leader, and warmed up: the first request to each route compiles and caches it,
 * so timings are of a warm server.
 */
export function useHostileTarget(): HostileTarget {
  const target = {} as HostileTarget;
  beforeAll(async () => {
    const server = await startServer({ DEMO_USERS: '1', DEMO_RESPONSES: '0' });
    target.server = server;
    target.adminCookie = await sessionCookie(server, 'admin', 'demo-admin-2026');
    target.leaderCookie = await sessionCookie(server, 'lanhdao', 'demo-lanhdao-2026');
    for (const path of [
      '/api/indices?survey=quick',
      '/api/rankings?survey=quick',
      '/api/exports/responses?format=csv&survey=quick',
      '/dashboard',
      '/dashboard/report',
    ]) {
      await send(server, 'GET', path, { cookie: target.leaderCookie });
    }
  }, 180_000);
  afterAll(async () => {
    await target.server?.stop();
  });
  return target;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';

import { launchBrowser } from './browser';

export type TestServer = {
  url: string;
  dbPath: string;
  /** Kills the process without warning (SIGKILL), as a power cut or the OOM killer would. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and database. */
  restart(): Promise<void>;
  /** A read-only look at the server's database, as an auditor would take it. */
  query<T>(sql: string, ...params: unknown[]): T[];
  stop(): Promise<void>;
};

/** A browser test file's server (started with `env`) and Chromium, launched while the server starts. */
export function startServerAndBrowser(env: Record<string, string> = {}): Promise<[TestServer, Browser]> {
  return Promise.all([startServer(env), launchBrowser()]);
}

/** Closes what `startServerAndBrowser` started, browser first; either may be missing if it failed. */
export async function stopServerAndBrowser(server: TestServer | undefined, browser: Browser | undefined) {
  await browser?.close();
  await server?.stop();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The production server (scripts/server.mjs) on a free port and a fresh database file. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hailong-e2e-'));
  const dbPath = env.DATABASE_URL?.startsWith('file:') ? env.DATABASE_URL.slice('file:'.length) : join(dir, 'e2e.db');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const fullEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `file:${dbPath}`,
    APP_SECRET: 'e2e-secret-0123456789abcdef',
    RATE_LIMIT_PER_MINUTE: '0',
    BURST_RESPONSES: '0',
    NEXT_TELEMETRY_DISABLED: '1',
    // Browser tests start from an empty database unless they ask for demo responses.
    DEMO_RESPONSES: '0',
    ...env,
  };
  let child = await launch(fullEnv, url);

  return {
    url,
    dbPath,
    query<T>(sql: string, ...params: unknown[]) {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async kill() {
      await stopProcess(child, 'SIGKILL');
    },
    async restart() {
      child = await launch(fullEnv, url);
    },
    async stop() {
      await stopProcess(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(env: NodeJS.ProcessEnv, url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['scripts/server.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/surveys/quick`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

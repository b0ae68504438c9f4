import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { startServer, type TestServer } from './helpers/server';

// `npm run admin -- backup <file>` takes a consistent copy while the server takes traffic,
// and the copy restores into a working server.

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'hailong-backup-'));
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const CHECKSUM = `SELECT count(*) AS n, coalesce(sum(length(id) + length(answers) + completed_at % 1000003), 0) AS sum,
  group_concat(id, ',') AS ids FROM (SELECT * FROM responses ORDER BY id)`;

function runAdmin(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'scripts/admin.ts', ...args], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

test('an online backup taken under load is consistent and restores into a working server', async () => {
  let sending = true;
  let sent = 0;
  const traffic = (async () => {
    while (sending) {
      const res = await fetch(`${server.url}/api/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: randomUUID(),
          survey: 'quick',
          point: 'TTHCC-Q02',
          channel: 'qr',
          answers: { satisfaction: 2 },
        }),
      });
      expect(res.status).toBe(201);
      sent++;
    }
  })();

  while (sent < 200) await new Promise((r) => setTimeout(r, 10));
  const file = join(dir, 'copy.db');
  const backup = await runAdmin(['backup', file], { DATABASE_URL: `file:${server.dbPath}` });
  expect(backup.code, backup.out).toBe(0);
  const afterBackup = sent;
  while (sent < afterBackup + 100) await new Promise((r) => setTimeout(r, 10));
  sending = false;
  await traffic;

  const copy = new Database(file, { readonly: true });
  expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
  const inCopy = copy.prepare(CHECKSUM).get() as { n: number; sum: number; ids: string };
  const answersInCopy = (copy.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
  copy.close();

  // A snapshot: at least what was sent before the backup began, fewer than the final count,
  // and exactly the same rows as the live database holds for those ids.
  expect(inCopy.n).toBeGreaterThanOrEqual(200);
  expect(inCopy.n).toBeLessThan(sent);
  expect(answersInCopy).toBe(inCopy.n);
  const ids = inCopy.ids.split(',');
  const live = server.query<{ n: number; sum: number }>(
    `SELECT count(*) AS n, coalesce(sum(length(id) + length(answers) + completed_at % 1000003), 0) AS sum
     FROM responses WHERE id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(ids),
  )[0]!;
  expect({ n: live.n, sum: live.sum }).toEqual({ n: inCopy.n, sum: inCopy.sum });

  // Restore: a server started on the copy serves it.
  const restored = await startServer({ DATABASE_URL: `file:${file}` });
  try {
    expect(restored.query<{ n: number }>('SELECT count(*) AS n FROM responses')[0]!.n).toBe(inCopy.n);
    expect((await fetch(`${restored.url}/api/surveys/quick`)).status).toBe(200);
  } finally {
    await restored.stop();
  }
});

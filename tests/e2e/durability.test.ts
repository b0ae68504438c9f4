import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { startServer, type TestServer } from './helpers/server';

// Nothing acknowledged is ever lost (docs/contracts.md, service goals): 20 clients send 2,000 responses, retrying
// failures with the same id, while the server is killed with SIGKILL and restarted midway.

const CLIENTS = 20;
const PER_CLIENT = 100;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

test('every response that got a 2xx is stored exactly once, across a kill -9', async () => {
  const acked = new Set<string>();
  let killed = false;

  async function send(id: string): Promise<void> {
    const body = JSON.stringify({
      id,
      survey: 'quick',
      point: 'TTHCC-Q01',
      channel: 'qr',
      answers: { satisfaction: 2 },
    });
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(`${server.url}/api/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        if (res.status === 200 || res.status === 201) {
          acked.add(id);
          return;
        }
        // Anything else must be a transient failure while the server restarts.
        expect(res.status).toBeGreaterThanOrEqual(500);
      } catch {
        // connection refused or reset: the server is down
      }
      if (attempt > 600) throw new Error(`response ${id} never acknowledged`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function client(): Promise<void> {
    for (let i = 0; i < PER_CLIENT; i++) await send(randomUUID());
  }

  const killer = (async () => {
    while (acked.size < (CLIENTS * PER_CLIENT) / 3) await new Promise((r) => setTimeout(r, 5));
    const before = acked.size;
    await server.kill();
    killed = true;
    await new Promise((r) => setTimeout(r, 300));
    await server.restart();
    return before;
  })();

  await Promise.all(Array.from({ length: CLIENTS }, client));
  const ackedAtKill = await killer;

  expect(killed).toBe(true);
  expect(ackedAtKill).toBeLessThan(CLIENTS * PER_CLIENT);
  expect(acked.size).toBe(CLIENTS * PER_CLIENT);

  const rows = server.query<{ id: string }>('SELECT id FROM responses');
  expect(rows).toHaveLength(CLIENTS * PER_CLIENT);
  const stored = new Set(rows.map((r) => r.id));
  for (const id of acked) expect(stored.has(id)).toBe(true);
  const answers = server.query<{ n: number }>('SELECT count(*) AS n FROM answers');
  expect(answers[0]!.n).toBe(CLIENTS * PER_CLIENT);
});

test('hostile bodies over real HTTP get a 4xx envelope and the server stays up', async () => {
  const before = server.query<{ n: number }>('SELECT count(*) AS n FROM responses')[0]!.n;
  const post = (body: BodyInit, type = 'application/json') =>
    fetch(`${server.url}/api/responses`, { method: 'POST', headers: { 'content-type': type }, body });
  const cases: [BodyInit, string, number][] = [
    ['x'.repeat(5 * 1024 * 1024), 'application/json', 413], // 5 MiB: refused without being buffered whole
    ['{"id": ', 'application/json', 400],
    [new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'application/json', 400],
    ['id=1', 'application/x-www-form-urlencoded', 415],
    ['['.repeat(30_000) + ']'.repeat(30_000), 'application/json', 400],
  ];
  for (const [body, type, status] of cases) {
    const res = await post(body, type);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toEqual(expect.any(String));
  }
  expect((await fetch(`${server.url}/api/surveys/quick`)).status).toBe(200);
  expect(server.query<{ n: number }>('SELECT count(*) AS n FROM responses')[0]!.n).toBe(before);
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { activeAlerts, raiseDueAlerts } from '@/db/queries/alerts';
import { unitSubtreeIds } from '@/db/queries/units';
import { findUnitIdByCode } from '@/db/queries/users';
import { enqueueWebhook, listDeliveries } from '@/db/queries/webhooks';
import { sendDueWebhooks } from '@/server/webhook-sender';
import { verifySignature } from '@/lib/webhooks/sign';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const settings = { percent: 30, minResponses: 5, webhookUrl: 'http://127.0.0.1:9/hook' };
const rate = (point: string, satisfaction: number) =>
  POST(jsonRequest(quickResponse({ point, answers: { satisfaction } })));

describe('alerts', () => {
  test('a desk crossing the negative share in the last hour raises one alert, queued for the webhook', async () => {
    for (const s of [1, 1, 3, 2, 3]) expect((await rate('TTHCC-Q01', s)).status).toBe(201); // 40 %
    for (const s of [1, 3, 3, 3, 3, 3]) expect((await rate('TTHCC-Q03', s)).status).toBe(201); // 17 %
    const now = Date.now() + 1000;
    expect(await raiseDueAlerts(t.db, { now, settings })).toBe(1);
    expect(await raiseDueAlerts(t.db, { now: now + 1000, settings })).toBe(0); // once per desk per hour

    const all = await activeAlerts(t.db, { unitIds: null, now });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      kind: 'negative_share',
      pointName: 'Quầy số 1 – Giấy phép xây dựng',
      details: { responses: 5, negative: 2, percent: 40 },
    });
    const nha = await unitSubtreeIds(t.db, (await findUnitIdByCode(t.db, { code: 'SXD-NHA' }))!);
    expect(await activeAlerts(t.db, { unitIds: nha, now })).toEqual([]);
    expect((await listDeliveries(t.db)).map((d) => d.event)).toContain('alert.negative_share');
    // The alert is gone from the banner an hour later.
    expect(await activeAlerts(t.db, { unitIds: null, now: now + 3_600_001 })).toEqual([]);
  });

  test('a case past its due date raises one overdue alert while it stays open', async () => {
    const later = Date.now() + 30 * 86_400_000;
    const raised = await raiseDueAlerts(t.db, { now: later, settings });
    const openCases = await t.count('cases');
    expect(raised).toBe(openCases);
    expect(await raiseDueAlerts(t.db, { now: later + 60_000, settings })).toBe(0);
    expect(
      (await activeAlerts(t.db, { unitIds: null, now: later })).filter((a) => a.kind === 'case_overdue'),
    ).toHaveLength(openCases);
  });

  test('every new case is queued as case.opened, without the answers', async () => {
    const opened = (await listDeliveries(t.db, { limit: 500 })).filter((d) => d.event === 'case.opened');
    expect(opened).toHaveLength(await t.count('cases'));
    const payload = JSON.parse(opened[0]!.payload);
    expect(payload.data).toMatchObject({
      case: expect.stringMatching(/^PA-/),
      unit: expect.any(String),
      reasons: ['dissatisfied'],
    });
    expect(opened[0]!.payload).not.toContain('satisfaction');
  });
});

describe('webhook delivery', () => {
  let server: Server;
  let url = '';
  const received: Array<{ body: string; signature: string | null; event: string | null }> = [];
  let answers: number[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({
          body,
          signature: (req.headers['x-hailong-signature'] as string) ?? null,
          event: (req.headers['x-hailong-event'] as string) ?? null,
        });
        res.writeHead(answers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await t.run(sql`UPDATE webhook_deliveries SET status = 'failed'`); // only this block's deliveries
  });
  afterAll(() => server.close());

  test('signed, retried with backoff after a 5xx, delivered on 2xx, given up on a 4xx', async () => {
    const secret = 'receiver-shared-secret';
    const ok = await enqueueWebhook(t.db, { event: 'case.opened', url, payload: { case: 'PA-TEST' }, now: Date.now() });
    answers = [503];
    expect(await sendDueWebhooks(t.db, { secret })).toBe(1);
    let row = (await listDeliveries(t.db)).find((d) => d.id === ok)!;
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503 });
    expect(row.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(await sendDueWebhooks(t.db, { secret })).toBe(0); // not due yet

    answers = [200];
    expect(await sendDueWebhooks(t.db, { secret, now: row.nextAttemptAt })).toBe(1);
    row = (await listDeliveries(t.db)).find((d) => d.id === ok)!;
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
    expect(received).toHaveLength(2);
    expect(received[1]!.event).toBe('case.opened');
    expect(verifySignature(secret, received[1]!.body, received[1]!.signature)).toBe(true);
    expect(JSON.parse(received[1]!.body)).toMatchObject({ id: ok, event: 'case.opened', data: { case: 'PA-TEST' } });

    const gone = await enqueueWebhook(t.db, { event: 'case.opened', url, payload: {}, now: Date.now() });
    answers = [410];
    await sendDueWebhooks(t.db, { secret });
    expect((await listDeliveries(t.db)).find((d) => d.id === gone)).toMatchObject({
      status: 'failed',
      lastStatusCode: 410,
    });
  });

  test('several senders at once (one per instance) deliver each webhook exactly once', async () => {
    const secret = 'receiver-shared-secret';
    const now = Date.now();
    received.length = 0;
    answers = [];
    const ids = await Promise.all(
      Array.from({ length: 6 }, (_, i) => enqueueWebhook(t.db, { event: 'alert.raised', url, payload: { n: i }, now })),
    );
    const sent = await Promise.all([0, 1, 2].map(() => sendDueWebhooks(t.db, { secret, now })));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(6);
    expect(received.map((r) => JSON.parse(r.body).id).sort()).toEqual([...ids].sort());
  });
});

import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { findUnitIdByCode } from '@/db/queries/users';
import { addSummaryRecipient, listSummaryRecipients } from '@/db/queries/summary';
import { localDay, startOfLocalDayMs } from '@/lib/time/local';
import { addSummaryRecipientCore, removeSummaryRecipientCore } from '@/server/admin/summary';
import { sendDueSummaries } from '@/server/summary-mail';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest } from '@/tests/helpers/http';

// The monthly and quarterly summary goes out over SMTP, to an SMTP server started here.

let t: TestDb;
let smtp: SMTPServer;
let port: number;
const received: { to: string; raw: string }[] = [];
const DAY_MS = 86_400_000;
const answeredAt = Date.now() - 2 * DAY_MS;
const month = localDay(answeredAt).slice(0, 7);
const [year, m] = month.split('-').map(Number) as [number, number];
const nextMonth = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
// The first hour of the next month: last month's summary is due.
const summaryNow = startOfLocalDayMs(nextMonth) + 3_600_000;

async function post(point: string, answers: Record<string, unknown>) {
  const res = await POST(
    jsonRequest({
      id: randomUUID(),
      survey: 'quick',
      point,
      channel: 'qr',
      answers,
      completedAt: new Date(answeredAt).toISOString(),
    }),
  );
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  t = await createTestDb();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as { port: number }).port;
  // Desk 1 (SXD-QLXD): 30 "Rất hài lòng", 10 "Không hài lòng" for the fees. Desk 3 (SXD-NHA): 10 and 30, for the attitude.
  for (let i = 0; i < 30; i++) await post('TTHCC-Q01', { satisfaction: 3 });
  for (let i = 0; i < 10; i++) await post('TTHCC-Q01', { satisfaction: 1, reasons: ['fees'] });
  for (let i = 0; i < 10; i++) await post('TTHCC-Q03', { satisfaction: 3 });
  for (let i = 0; i < 30; i++) await post('TTHCC-Q03', { satisfaction: 1, reasons: ['attitude'] });
  const admin = { userId: null, label: 'test' };
  await addSummaryRecipient(t.db, { email: 'lanhdao@so.example', unitId: null, monthly: true, quarterly: true }, admin);
  const nha = await findUnitIdByCode(t.db, { code: 'SXD-NHA' });
  await addSummaryRecipient(
    t.db,
    { email: 'truongphong.nha@so.example', unitId: nha, monthly: true, quarterly: false },
    admin,
  );
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  t.close();
});

/** A MIME body decoded by its transfer encoding (nodemailer sends UTF-8 as quoted-printable or base64). */
function decode(head: string, body: string): string {
  if (/content-transfer-encoding: base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding: quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** The parts of a multipart/alternative message by content type, each decoded. */
function partsOf(raw: string): Record<string, string> {
  const [head] = raw.split(/\r?\n\r?\n/);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head!)?.[1];
  if (!boundary) throw new Error('not a multipart message');
  const parts: Record<string, string> = {};
  for (const part of raw.split(`--${boundary}`).slice(1, -1)) {
    const [partHead, ...rest] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const type = /content-type:\s*([^;\r\n]+)/i.exec(partHead!)?.[1]!.toLowerCase() ?? 'text/plain';
    parts[type] = decode(partHead!, rest.join('\n\n'));
  }
  return parts;
}

const textOf = (raw: string) => partsOf(raw)['text/plain']!;

/** The HTML part's figures: the text of each element marked `data-figure` (lib/summary/compose-html.ts). */
function figuresOf(raw: string): Record<string, string> {
  const html = partsOf(raw)['text/html']!;
  return Object.fromEntries([...html.matchAll(/data-figure="([a-z0-9]+)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]));
}

test('the summaries that are due go out once, with the right figures, and are audited', async () => {
  const options = {
    now: summaryNow,
    transport: createTransport(`smtp://127.0.0.1:${port}`),
    from: 'Hài Lòng <no-reply@so.example>',
    baseUrl: 'https://hailong.example',
    minResponses: 30,
  };
  // Department: monthly and quarterly; the housing unit's manager: monthly only.
  expect(await sendDueSummaries(t.db, options)).toBe(3);
  expect(received.map((r) => r.to).sort()).toEqual([
    'lanhdao@so.example',
    'lanhdao@so.example',
    'truongphong.nha@so.example',
  ]);

  const label = `tháng ${m}/${year}`;
  const department = received.find((r) => r.to === 'lanhdao@so.example' && textOf(r.raw).includes(label))!;
  const text = textOf(department.raw);
  // 30 + 10 satisfied of 80 = 50 %; the dissatisfied chose the fees (10 of 40) and the attitude (30 of 40).
  expect(text).toContain(`Kết quả đo lường sự hài lòng ${label}, toàn Sở.`);
  expect(text).toContain('Chỉ số hài lòng chung đạt 50,00 % trên 80 người trả lời');
  expect(text).toContain('Thái độ công chức (75,00 % người chưa hài lòng chọn)');
  expect(text).toMatch(/Chưa tốt, thấp hơn mức chung một cách rõ rệt: [^\n]*Phòng Quản lý nhà/);
  expect(text).toContain('Bảng điều khiển: https://hailong.example/dashboard?survey=quick');
  expect(text).toMatch(/Phản ánh, kiến nghị đang quá hạn \(\d+\)|Không có phản ánh, kiến nghị nào đang quá hạn\./);

  // The HTML part carries the same figures: the headline with its interval and n, the verdicts,
  // what to fix first, the overdue cases and both links; every style inline.
  const html = partsOf(department.raw)['text/html']!;
  const figures = figuresOf(department.raw);
  expect(figures.index).toBe('50,00 %');
  expect(figures.n).toBe('80');
  expect(figures.ci95).toMatch(/^\d{2},\d{2} % – \d{2},\d{2} %$/);
  const [low, high] = figures.ci95!.split(' – ').map((x) => Number(x.replace(' %', '').replace(',', '.')));
  expect(low).toBeLessThan(50);
  expect(high).toBeGreaterThan(50);
  expect(figures.below).toContain('Phòng Quản lý nhà');
  expect(html).toContain('<li>Thái độ công chức (75,00 % người chưa hài lòng chọn)</li>');
  expect(html).toContain('href="https://hailong.example/dashboard?survey=quick');
  expect(html).toContain('href="https://hailong.example/dashboard/report?survey=quick');
  expect(html).toMatch(/Phản ánh, kiến nghị đang quá hạn|Không có phản ánh, kiến nghị nào đang quá hạn\./);
  expect(html).not.toMatch(/<style|class=/i);

  // The unit's manager reads their subtree only: desk 3, 10 of 40 = 25 %.
  const unit = textOf(received.find((r) => r.to === 'truongphong.nha@so.example')!.raw);
  expect(unit).toContain('Chỉ số hài lòng chung đạt 25,00 % trên 40 người trả lời');
  expect(unit).toContain('unit=SXD-NHA');
  expect(figuresOf(received.find((r) => r.to === 'truongphong.nha@so.example')!.raw)).toMatchObject({
    index: '25,00 %',
    n: '40',
  });

  // Sent once: a second run (another instance, a restart) sends nothing.
  expect(await sendDueSummaries(t.db, options)).toBe(0);
  expect(received).toHaveLength(3);
  const audited = await t.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'summary.sent'`);
  expect(Number(audited[0]!.n)).toBe(3);
});

test('a refused delivery is given back and sent on the next run', async () => {
  const admin = { userId: null, label: 'test' };
  await addSummaryRecipient(t.db, { email: 'moi@so.example', unitId: null, monthly: true, quarterly: false }, admin);
  const failing = { sendMail: async () => Promise.reject(new Error('421 try later')) };
  const options = { now: summaryNow, from: 'x@so.example', baseUrl: 'https://hailong.example', minResponses: 30 };
  await expect(sendDueSummaries(t.db, { ...options, transport: failing })).rejects.toThrow('421');
  expect(await sendDueSummaries(t.db, { ...options, transport: createTransport(`smtp://127.0.0.1:${port}`) })).toBe(1);
});

test('an admin adds and removes recipients in the browser (server actions), audited', async () => {
  const admin = { kind: 'token' as const, id: 0, label: 'test-admin', role: 'admin' as const, unitId: null };
  expect(await addSummaryRecipientCore(t.db, admin, { email: 'khong-hop-le', monthly: 'on' })).toMatchObject({
    status: 'error',
    fieldErrors: { email: [expect.any(String)] },
  });
  expect(
    await addSummaryRecipientCore(t.db, admin, { email: 'x@so.example', unitId: '9999', monthly: 'on' }),
  ).toMatchObject({ status: 'error', fieldErrors: { unitId: [expect.any(String)] } });
  expect(
    await addSummaryRecipientCore(t.db, admin, { email: 'PGD@so.example', unitId: '', quarterly: 'on' }),
  ).toMatchObject({ status: 'ok' });
  const added = (await listSummaryRecipients(t.db)).find((r) => r.email === 'pgd@so.example')!;
  expect(added).toMatchObject({ unitId: null, monthly: false, quarterly: true });
  expect(await removeSummaryRecipientCore(t.db, admin, { id: String(added.id) })).toMatchObject({ status: 'ok' });
  expect((await listSummaryRecipients(t.db)).some((r) => r.id === added.id)).toBe(false);
  const audited = await t.all<{ action: string; actor: string }>(
    sql`SELECT action, actor FROM audit_log WHERE entity = 'summary_recipient' AND entity_id = ${String(added.id)} ORDER BY id`,
  );
  expect(audited).toEqual([
    { action: 'summary.recipient.add', actor: 'test-admin' },
    { action: 'summary.recipient.remove', actor: 'test-admin' },
  ]);
});

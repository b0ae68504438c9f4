import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { dossierUrl } from '@/lib/qr/links';

import { axeViolations, choose, openPage, question, screenshot } from './helpers/browser';
import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';

// A citizen scans the QR code printed on their dossier receipt: the link is signed, and
// a dossier is rated once.

const E2E_SECRET = 'e2e-secret-0123456789abcdef'; // APP_SECRET of helpers/server.ts
const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'vi-VN',
};

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await startServerAndBrowser();
});
afterAll(() => stopServerAndBrowser(server, browser));

const rowsFor = (dossier: string) =>
  server.query<{ n: number }>('SELECT count(*) AS n FROM responses WHERE dossier = ?', dossier)[0]!.n;

describe('per-dossier links on the receipt', () => {
  test('an altered link is refused politely and offers the desk rating instead', async () => {
    const context = await browser.newContext(PHONE);
    const { page, errors } = await openPage(context);
    const link = new URL(
      dossierUrl(server.url, E2E_SECRET, { point: 'TTHCC-Q01', dossier: 'H19.20-250310-0042', procedure: '1.013236' }),
    );
    link.searchParams.set('dossier', 'H19.20-250310-0043'); // someone else's dossier, same signature
    await page.goto(link.toString());
    await page.getByRole('heading', { name: 'Liên kết đánh giá không hợp lệ' }).waitFor();
    expect(await page.locator('[data-name="satisfaction"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'phone-dossier-forged');

    await page.goto(`${server.url}/s/TTHCC-Q01?dossier=H19.20-250310-0042`); // no signature at all
    await page.getByRole('heading', { name: 'Liên kết đánh giá không hợp lệ' }).waitFor();
    await page.getByRole('link', { name: 'Đánh giá chung cho quầy' }).click();
    await question(page, 'satisfaction').waitFor();
    expect(new URL(page.url()).search).toBe('');
    await context.close();
    expect(errors).toEqual([]);
    expect(rowsFor('H19.20-250310-0043')).toBe(0);
  });

  test('a dossier is rated once: a second attempt, even from a tab opened earlier, is told "hồ sơ này đã được đánh giá"', async () => {
    const dossier = 'H19.20-250311-0100';
    const link = dossierUrl(server.url, E2E_SECRET, { point: 'TTHCC-Q02', dossier });
    const context = await browser.newContext(PHONE);
    const first = await openPage(context);
    const second = await openPage(context, { allow: [/status of 409/] });
    await Promise.all([first.page.goto(link), second.page.goto(link)]);
    // The page does not promise anonymity: it says the rating is linked to the dossier.
    expect(await first.page.locator('footer').innerText()).toContain('gắn với mã hồ sơ');

    await choose(first.page, 'satisfaction', 'Hài lòng');
    await first.page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await first.page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();

    // The tab opened before the first rating learns it at submit.
    await choose(second.page, 'satisfaction', 'Không hài lòng');
    await second.page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await second.page.getByRole('heading', { name: 'Hồ sơ này đã được đánh giá' }).waitFor();
    expect(await axeViolations(second.page)).toEqual([]);
    await screenshot(second.page, 'phone-dossier-already-rated');

    // Scanning the receipt again says so at once, before any question.
    await first.page.goto(link);
    await first.page.getByRole('heading', { name: 'Hồ sơ này đã được đánh giá' }).waitFor();
    expect(await first.page.locator('[data-name="satisfaction"]').count()).toBe(0);
    await context.close();
    expect([...first.errors, ...second.errors]).toEqual([]);
    expect(rowsFor(dossier)).toBe(1);
  });

  test("a dossier cannot be squatted through the API: without the receipt's signature it is refused, and the receipt then rates it", async () => {
    const dossier = 'H19.20-261203-0777';
    const squat = async (d: string) =>
      fetch(`${server.url}/api/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: crypto.randomUUID(),
          survey: 'quick',
          point: 'TTHCC-Q03',
          channel: 'qr',
          dossier: d,
          answers: { satisfaction: 1 },
        }),
      });
    for (const d of [dossier, 'Ｈ19.20-261203-0777']) {
      const res = await squat(d);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('dossier_signature_invalid');
    }
    expect(rowsFor(dossier)).toBe(0);

    // The holder of the real receipt (printed in lower case here) rates it from their phone.
    const context = await browser.newContext(PHONE);
    const { page, errors } = await openPage(context);
    await page.goto(dossierUrl(server.url, E2E_SECRET, { point: 'TTHCC-Q03', dossier: 'h19.20-261203-0777' }));
    await choose(page, 'satisfaction', 'Hài lòng');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    await context.close();
    expect(errors).toEqual([]);
    expect(rowsFor(dossier)).toBe(1);
  });
});

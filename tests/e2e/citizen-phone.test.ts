import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { axeViolations, launchBrowser, openPage, screenshot } from './helpers/browser';
import { dossierUrl } from '@/lib/qr/links';

import { startServer, type TestServer } from './helpers/server';

const E2E_SECRET = 'e2e-secret-0123456789abcdef';

// User stories of a citizen at a reception desk who scans its QR code with their own phone.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function withPhone(
  run: (page: Page, errors: string[], context: BrowserContext) => Promise<void>,
  allow: RegExp[] = [],
) {
  const context = await browser.newContext({ ...PHONE, locale: 'vi-VN' });
  try {
    const { page, errors } = await openPage(context, { allow });
    await run(page, errors, context);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

const question = (page: Page, name: string) => page.locator(`[data-name="${name}"]`);
const choose = (page: Page, name: string, label: string) =>
  question(page, name).getByText(label, { exact: true }).click();

type Row = { channel: string; dossier: string | null; procedure: string | null; answers: string; point: string };
const responsesOf = (point: string) =>
  server.query<Row>(
    `SELECT r.channel, r.dossier, pr.code AS procedure, r.answers, p.code AS point
     FROM responses r JOIN service_points p ON p.id = r.point_id LEFT JOIN procedures pr ON pr.id = r.procedure_id
     WHERE p.code = ? ORDER BY r.received_at`,
    point,
  );

describe('a citizen rates a desk on their phone', () => {
  test('scans desk 1, gives the quick rating in Vietnamese, and it is stored once with procedure and dossier', async () => {
    await withPhone(async (page) => {
      // The receipt's QR code: a link signed with the server's APP_SECRET (see helpers/server.ts).
      const link = dossierUrl(server.url, E2E_SECRET, { point: 'TTHCC-Q01', dossier: 'H19.20-250310-0042', procedure: '1.013236' });
      const res = await page.goto(link);
      expect(res?.status()).toBe(200);
      await expect.poll(() => page.getByText('Quầy số 1 – Giấy phép xây dựng').isVisible()).toBe(true);
      await question(page, 'satisfaction').waitFor();
      expect(await page.getByText('Ông/Bà hài lòng với việc giải quyết hồ sơ ở mức nào?').isVisible()).toBe(true);

      // Large touch targets: every option and the submit button at least 48 px high.
      for (const label of ['Rất hài lòng', 'Hài lòng', 'Không hài lòng']) {
        const box = await question(page, 'satisfaction').locator('.sd-item').filter({ hasText: new RegExp(`^${label}$`) }).boundingBox();
        expect(box?.height).toBeGreaterThanOrEqual(48);
      }
      const submit = page.getByRole('button', { name: 'Gửi đánh giá' });
      expect((await submit.boundingBox())?.height).toBeGreaterThanOrEqual(48);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-quick-question');

      await choose(page, 'satisfaction', 'Rất hài lòng');
      await submit.click();
      await page.getByRole('heading', { name: 'Cảm ơn bạn đã đánh giá!' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-thanks');
    });

    const rows = responsesOf('TTHCC-Q01');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'qr', procedure: '1.013236', dossier: 'H19.20-250310-0042' });
    expect(JSON.parse(rows[0]!.answers)).toEqual({ satisfaction: 3 });
  });

  test('answers the SIPAS survey page by page and all 23 scored answers are stored', async () => {
    await withPhone(async (page) => {
      await page.goto(`${server.url}/s/TTHCC-Q03?survey=sipas`);
      await question(page, 'q_access_seats').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-sipas-page1');
      for (let p = 0; p < 5; p++) {
        const names = await page.locator('.sd-question[data-name^="q_"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')!));
        expect(names.length).toBeGreaterThan(2);
        for (const name of names) await choose(page, name, 'Hài lòng');
        await page.getByRole('button', { name: 'Tiếp tục' }).click();
      }
      await choose(page, 'overall', 'Rất hài lòng');
      await question(page, 'comment').locator('textarea').fill('Cán bộ hướng dẫn tận tình, dễ hiểu.');
      await choose(page, 'age_band', 'Từ 50 đến 64 tuổi');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn bạn đã đánh giá!' }).waitFor();
    });

    const [row] = responsesOf('TTHCC-Q03');
    const answers = JSON.parse(row!.answers);
    expect(answers).toMatchObject({ q_access_seats: 4, overall: 5, age_band: '50_64', comment: 'Cán bộ hướng dẫn tận tình, dễ hiểu.' });
    const scored = server.query<{ n: number }>(
      `SELECT count(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id JOIN service_points p ON p.id = r.point_id WHERE p.code = 'TTHCC-Q03'`,
    );
    expect(scored[0]!.n).toBe(23);
  });

  test('a half-answered survey survives a reload, and the follow-up shows only after "Không hài lòng"', async () => {
    await withPhone(async (page) => {
      await page.goto(`${server.url}/s/TTHCC-Q02`);
      await question(page, 'satisfaction').waitFor();
      expect(await question(page, 'reasons').count()).toBe(0);
      await choose(page, 'satisfaction', 'Không hài lòng');
      await choose(page, 'reasons', 'Phải đi lại nhiều lần');
      await page.waitForTimeout(400); // let SurveyJS finish fading the follow-up in
      await screenshot(page, 'phone-quick-followup');

      await page.reload();
      await question(page, 'reasons').waitFor();
      expect(await question(page, 'reasons').getByRole('checkbox', { name: 'Phải đi lại nhiều lần' }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn bạn đã đánh giá!' }).waitFor();
    });
    const rows = responsesOf('TTHCC-Q02');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.answers)).toEqual({ satisfaction: 1, reasons: ['visits'] });
  });

  test('when the network drops at submit, the person is told plainly and the answer is sent once it returns', async () => {
    await withPhone(async (page, _errors, context) => {
      await page.goto(`${server.url}/s/TTHCC-Q04`);
      await choose(page, 'satisfaction', 'Hài lòng');
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByText('Chưa gửi được vì mạng không ổn định', { exact: false }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-offline-retrying');
      expect(responsesOf('TTHCC-Q04')).toHaveLength(0);
      await context.setOffline(false);
      await page.getByRole('heading', { name: 'Cảm ơn bạn đã đánh giá!' }).waitFor({ timeout: 30_000 });
    }, [/ERR_INTERNET_DISCONNECTED/]);
    expect(responsesOf('TTHCC-Q04')).toHaveLength(1);
  });

  test('switches to English and back', async () => {
    await withPhone(async (page) => {
      await page.goto(`${server.url}/s/TTHCC-Q05`);
      await page.getByRole('link', { name: 'Switch to English' }).click();
      await page.getByText('How satisfied are you with how your dossier was handled?').waitFor();
      expect(page.url()).toContain('lang=en');
      expect(await page.getByRole('button', { name: 'Submit' }).isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-quick-english');
      await page.getByRole('link', { name: 'Chuyển sang tiếng Việt' }).click();
      await page.getByText('Ông/Bà hài lòng với việc giải quyết hồ sơ ở mức nào?').waitFor();
    });
  });

  test('without a QR code, the person picks the desk (channel web)', async () => {
    await withPhone(async (page) => {
      await page.goto(`${server.url}/s`);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-pick-desk');
      await page.getByRole('link', { name: /Quầy số 5/ }).click();
      await question(page, 'satisfaction').waitFor();
      await choose(page, 'satisfaction', 'Hài lòng');
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn bạn đã đánh giá!' }).waitFor();
    });
    const rows = responsesOf('TTHCC-Q05');
    expect(rows.at(-1)?.channel).toBe('web');
  });

  test('an unknown desk gets a friendly 404 page that leads to the desk picker', async () => {
    await withPhone(async (page) => {
      const res = await page.goto(`${server.url}/s/QUAY-KHONG-CO`);
      expect(res?.status()).toBe(404);
      await page.getByRole('heading', { name: 'Không tìm thấy quầy này' }).waitFor();
      expect(await page.getByRole('link', { name: 'Chọn quầy để đánh giá' }).isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-404');
    }, [/status of 404.*\/s\/QUAY-KHONG-CO/]);
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { axeViolations, choose, openPage, question, screenshot, surveyJs } from './helpers/browser';
import { contrast } from './helpers/contrast';
import { dossierUrl } from '@/lib/qr/links';
import { quickResponse } from '@/tests/helpers/http';

import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';

const E2E_SECRET = 'e2e-secret-0123456789abcdef';

// User stories of a citizen at a reception desk who scans its QR code with their own phone.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await startServerAndBrowser();
});
afterAll(() => stopServerAndBrowser(server, browser));

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
      const link = dossierUrl(server.url, E2E_SECRET, {
        point: 'TTHCC-Q01',
        dossier: 'H19.20-250310-0042',
        procedure: '1.013236',
      });
      const res = await page.goto(link);
      expect(res?.status()).toBe(200);
      await surveyJs(page);
      await expect.poll(() => page.getByText('Quầy số 1 – Giấy phép xây dựng').isVisible()).toBe(true);
      await question(page, 'satisfaction').waitFor();
      expect(await page.getByText('Ông/Bà hài lòng với việc giải quyết hồ sơ ở mức nào?').isVisible()).toBe(true);

      // Large touch targets: every option and the submit button at least 48 px high.
      for (const label of ['Rất hài lòng', 'Hài lòng', 'Không hài lòng']) {
        const box = await question(page, 'satisfaction')
          .locator('.sd-item')
          .filter({ hasText: new RegExp(`^${label}$`) })
          .boundingBox();
        expect(box?.height).toBeGreaterThanOrEqual(48);
      }
      const submit = page.getByRole('button', { name: 'Gửi đánh giá' });
      expect((await submit.boundingBox())?.height).toBeGreaterThanOrEqual(48);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-quick-question');

      await choose(page, 'satisfaction', 'Rất hài lòng');
      await submit.click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
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
      await surveyJs(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-sipas-page1');
      for (let p = 0; p < 5; p++) {
        const names = await page
          .locator('.sd-question[data-name^="q_"]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-name')!));
        expect(names.length).toBeGreaterThan(2);
        for (const name of names) await choose(page, name, 'Hài lòng');
        await page.getByRole('button', { name: 'Tiếp tục' }).click();
      }
      await choose(page, 'overall', 'Rất hài lòng');
      await question(page, 'comment').locator('textarea').fill('Cán bộ hướng dẫn tận tình, dễ hiểu.');
      await choose(page, 'age_band', 'Từ 50 đến 64 tuổi');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    });

    const [row] = responsesOf('TTHCC-Q03');
    const answers = JSON.parse(row!.answers);
    expect(answers).toMatchObject({
      q_access_seats: 4,
      overall: 5,
      age_band: '50_64',
      comment: 'Cán bộ hướng dẫn tận tình, dễ hiểu.',
    });
    const scored = server.query<{ n: number }>(
      `SELECT count(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id JOIN service_points p ON p.id = r.point_id WHERE p.code = 'TTHCC-Q03'`,
    );
    expect(scored[0]!.n).toBe(23);
  });

  test('a half-answered survey survives a reload, and the follow-up shows only after "Không hài lòng"', async () => {
    await withPhone(async (page) => {
      await page.goto(`${server.url}/s/TTHCC-Q02`);
      await surveyJs(page);
      await question(page, 'satisfaction').waitFor();
      expect(await question(page, 'reasons').count()).toBe(0);
      await choose(page, 'satisfaction', 'Không hài lòng');
      await choose(page, 'reasons', 'Phải đi lại nhiều lần');
      await page.waitForTimeout(400); // let SurveyJS finish fading the follow-up in
      await screenshot(page, 'phone-quick-followup');

      await page.reload();
      await surveyJs(page);
      await question(page, 'reasons').waitFor();
      expect(await question(page, 'reasons').getByRole('checkbox', { name: 'Phải đi lại nhiều lần' }).isChecked()).toBe(
        true,
      );
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    });
    const rows = responsesOf('TTHCC-Q02');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.answers)).toEqual({ satisfaction: 1, reasons: ['visits'] });
  });

  test('when the network drops at submit, the person is told plainly and the answer is sent once it returns', async () => {
    await withPhone(
      async (page, _errors, context) => {
        await page.goto(`${server.url}/s/TTHCC-Q04`);
        await surveyJs(page);
        await choose(page, 'satisfaction', 'Hài lòng');
        await context.setOffline(true);
        await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
        await page.getByText('Chưa gửi được vì mạng không ổn định', { exact: false }).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'phone-offline-retrying');
        expect(responsesOf('TTHCC-Q04')).toHaveLength(0);
        await context.setOffline(false);
        await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor({ timeout: 30_000 });
      },
      [/ERR_INTERNET_DISCONNECTED/],
    );
    expect(responsesOf('TTHCC-Q04')).toHaveLength(1);
  });

  test('switches to English and back', async () => {
    await withPhone(async (page) => {
      await page.goto(`${server.url}/s/TTHCC-Q05`);
      await surveyJs(page);
      await page.getByRole('link', { name: 'Switch to English' }).click();
      await page.waitForURL(/lang=en/);
      await surveyJs(page);
      await page.getByText('How satisfied are you with how your dossier was handled?').waitFor();
      expect(page.url()).toContain('lang=en');
      expect(await page.getByRole('button', { name: 'Submit' }).isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-quick-english');
      await page.getByRole('link', { name: 'Chuyển sang tiếng Việt' }).click();
      await page.getByText('Ông/Bà hài lòng với việc giải quyết hồ sơ ở mức nào?').first().waitFor();
    });
  });

  test('without a QR code, the person picks the desk (channel web)', async () => {
    await withPhone(async (page) => {
      await page.goto(`${server.url}/s`);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-pick-desk');
      await page.getByRole('link', { name: /Quầy số 5/ }).click();
      await surveyJs(page);
      await question(page, 'satisfaction').waitFor();
      await choose(page, 'satisfaction', 'Hài lòng');
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    });
    const rows = responsesOf('TTHCC-Q05');
    expect(rows.at(-1)?.channel).toBe('web');
  });

  test('an unknown desk gets a friendly 404 page that leads to the desk picker', async () => {
    await withPhone(
      async (page) => {
        const res = await page.goto(`${server.url}/s/QUAY-KHONG-CO`);
        expect(res?.status()).toBe(404);
        await page.getByRole('heading', { name: 'Không tìm thấy quầy này' }).waitFor();
        expect(await page.getByRole('link', { name: 'Chọn quầy để đánh giá' }).isVisible()).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'phone-404');
      },
      [/status of 404.*\/s\/QUAY-KHONG-CO/],
    );
  });
});

const VIEWPORTS = {
  phone: PHONE,
  tablet: { viewport: { width: 800, height: 1280 }, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 900 } },
} as const;

/** Every text a citizen reads on the page addresses them as Ông/Bà, never "bạn". */
const addressesAsOngBa = async (page: Page) =>
  !/(^|[^\p{L}])bạn([^\p{L}]|$)/iu.test(await page.locator('body').innerText());

describe('the first paint is the survey, with or without JavaScript', () => {
  test('the first question and its choices are in the HTML the server sends', async () => {
    const html = await (await fetch(`${server.url}/s/TTHCC-Q01`)).text();
    expect(html).toContain('Ông/Bà hài lòng với việc giải quyết hồ sơ ở mức nào?');
    expect(html).toMatch(/<input[^>]*type="radio"[^>]*name="q:satisfaction"/);
    expect(html).not.toContain('Đang tải phiếu đánh giá');
  });

  test('with JavaScript disabled a quick rating is stored and thanked (channel qr)', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/s/SXD-TS01`);
      expect(await page.getByRole('heading', { level: 1, name: 'Đánh giá việc giải quyết hồ sơ' }).isVisible()).toBe(
        true,
      );
      // The follow-up question stays hidden until "Không hài lòng", as in SurveyJS.
      expect(await page.locator('[data-name="reasons"]').isVisible()).toBe(false);
      await screenshot(page, 'phone-nojs-question');
      await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
      expect(page.url()).toContain('/s/SXD-TS01/cam-on?r=');
      expect(await page.getByText('Ông/Bà có thể đóng trang này.', { exact: false }).isVisible()).toBe(true);
      await screenshot(page, 'phone-nojs-thanks');
      // A reload of the thank-you page sends nothing again (post/redirect/get).
      await page.reload();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    } finally {
      await context.close();
    }
    const rows = responsesOf('SXD-TS01');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'qr' });
    expect(JSON.parse(rows[0]!.answers)).toEqual({ satisfaction: 2 });
  });

  test('with JavaScript disabled a complaint gets its case code; a post without an answer is sent back', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/s/TTKD-01`);
      // Nothing chosen: the browser's own check stops the post; a hand-made post is refused by the server.
      const refused = await page.request.post(`${server.url}/s/TTKD-01/answer`, {
        form: { survey: 'quick', surveyVersion: '1', id: crypto.randomUUID() },
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(303);
      expect(refused.headers().location).toContain('loi=no_answer');
      await page.goto(`${server.url}${new URL(refused.headers().location!, server.url).pathname}?loi=no_answer`);
      await page.getByRole('alert').getByText('Xin Ông/Bà chọn ít nhất một câu trả lời.').waitFor();

      await page.getByRole('radio', { name: 'Không hài lòng' }).check();
      await page.getByRole('checkbox', { name: 'Thái độ công chức' }).check();
      await page.getByLabel('Ý kiến khác (không bắt buộc)').fill('Cán bộ không hướng dẫn.');
      await page.getByRole('radio', { name: 'Có, đề nghị xem xét và trả lời' }).check();
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
      const code = await page.locator('.case-code').textContent();
      expect(code).toMatch(/^PA-[0-9A-Z]{7}-[0-9A-Z]$/);
      // While a case code is shown, nobody is told to close the page.
      expect(await page.getByText('đóng trang này', { exact: false }).count()).toBe(0);
      expect(await addressesAsOngBa(page)).toBe(true);
      await screenshot(page, 'phone-nojs-case-code');

      // The call-back offer opens and posts without JavaScript; consent is a box left unticked.
      await page.getByText('Để lại số điện thoại hoặc email (không bắt buộc)').click();
      await page.getByLabel('Số điện thoại', { exact: true }).fill('0912 345 678');
      const consent = page.getByRole('checkbox', { name: /Tôi đồng ý/ });
      expect(await consent.isChecked()).toBe(false);
      await page.getByRole('button', { name: 'Gửi thông tin liên hệ' }).click();
      expect(await consent.evaluate((e) => (e as HTMLInputElement).validity.valueMissing)).toBe(true);
      await consent.check();
      await page.getByRole('button', { name: 'Gửi thông tin liên hệ' }).click();
      await page.getByText('Đã nhận thông tin liên hệ. Cán bộ sẽ liên hệ với Ông/Bà.').waitFor();
      expect(page.url()).toContain('lienhe=da-luu');
      expect(await page.locator('.case-code').textContent()).toBe(code);
      await screenshot(page, 'phone-nojs-contact-saved');
    } finally {
      await context.close();
    }
    const [row] = responsesOf('TTKD-01');
    expect(JSON.parse(row!.answers)).toEqual({
      satisfaction: 1,
      reasons: ['attitude'],
      comment: 'Cán bộ không hướng dẫn.',
      complaint: true,
    });
    const saved = server.query<{ phone: string }>(
      `SELECT c.phone FROM case_contacts c JOIN cases k ON k.id = c.case_id JOIN responses r ON r.id = k.response_id
       JOIN service_points p ON p.id = r.point_id WHERE p.code = 'TTKD-01'`,
    );
    expect(saved).toEqual([{ phone: '0912345678' }]);
  });

  test('a choice made on the server-rendered page is kept when SurveyJS takes over', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN' });
    try {
      const { page, errors } = await openPage(context);
      // Hold SurveyJS back so the choice is surely made on the server's HTML.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/_next/static/**', async (route) => {
        if (route.request().resourceType() === 'script' && !(await page.locator('.hl-form input:checked').count()))
          await held;
        await route.continue();
      });
      await page.goto(`${server.url}/s/TTHCC-Q02?survey=quick`, { waitUntil: 'commit' });
      await page.locator('.hl-form').getByText('Rất hài lòng', { exact: true }).click();
      release();
      await surveyJs(page);
      expect(await question(page, 'satisfaction').locator('.sd-item--checked').textContent()).toBe('Rất hài lòng');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the hand-over from the server form to SurveyJS', () => {
  /** Chromium's CPU slowed down, as on a cheap phone (the bench's profile). */
  const slowCpu = async (page: Page) =>
    (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });

  test('a rating and a submit tapped before SurveyJS is there are carried over and sent exactly once', async () => {
    const url = `${server.url}/s/TTHCC-Q05?survey=quick`;
    // The page's own scripts load; SurveyJS (a chunk the HTML does not name) is held back.
    const html = await (await fetch(url)).text();
    const initial = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!));
    const before = responsesOf('TTHCC-Q05').length;
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN' });
    try {
      const { page, errors } = await openPage(context);
      await slowCpu(page);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/_next/static/**', async (route) => {
        const path = new URL(route.request().url()).pathname;
        if (route.request().resourceType() === 'script' && !initial.has(path)) await held;
        await route.continue();
      });
      await page.goto(url);
      await page.locator('[data-hydrated]').waitFor({ state: 'attached' });
      await page.locator('.hl-form').getByText('Hài lòng', { exact: true }).click();
      await page.locator('.hl-form').getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('status').getByText('Đang gửi đánh giá…').waitFor();
      release();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor({ timeout: 30_000 });
      // SurveyJS sent it (no plain post, which would have gone to the thank-you page's address).
      expect(page.url()).toBe(url);
      await page.waitForTimeout(1_000);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    const rows = responsesOf('TTHCC-Q05');
    expect(rows).toHaveLength(before + 1);
    expect(JSON.parse(rows.at(-1)!.answers)).toEqual({ satisfaction: 2 });
  });

  test('tapped the moment the question shows on a slow phone, the answer arrives exactly once', async () => {
    const before = responsesOf('TTHCC-Q03').length;
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN' });
    try {
      const { page, errors } = await openPage(context);
      await slowCpu(page);
      // Every script a little late, as on a slow line, so the taps fall somewhere in the hand-over.
      await page.route('**/_next/static/**', async (route) => {
        if (route.request().resourceType() === 'script') await new Promise((r) => setTimeout(r, 400));
        await route.continue();
      });
      await page.goto(`${server.url}/s/TTHCC-Q03?survey=quick`, { waitUntil: 'commit' });
      await page.getByText('Rất hài lòng', { exact: true }).first().click();
      await page.getByRole('button', { name: 'Gửi đánh giá' }).first().click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1_500);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    const rows = responsesOf('TTHCC-Q03');
    expect(rows).toHaveLength(before + 1);
    expect(JSON.parse(rows.at(-1)!.answers)).toEqual({ satisfaction: 3 });
  });

  test.each([
    ['phone', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
    ['tablet', { viewport: { width: 800, height: 1280 }, hasTouch: true }],
    ['desktop', { viewport: { width: 1366, height: 900 } }],
  ] as const)('at %s size nothing jumps when SurveyJS takes over (CLS under 0.1)', async (_name, device) => {
    const context = await browser.newContext({ ...device, locale: 'vi-VN' });
    try {
      const { page, errors } = await openPage(context);
      await page.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
            if (!e.hadRecentInput) w.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${server.url}/s/TTHCC-Q01`);
      await surveyJs(page);
      await page.locator('.hl-form').waitFor({ state: 'detached' });
      await page.waitForTimeout(1_000);
      const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      console.log(`CLS at hand-over (${_name}): ${cls.toFixed(4)}`);
      expect(cls).toBeLessThan(0.1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('accessibility beyond axe', () => {
  test('SIPAS: language, headings, named groups, focus after Next/Back, step in words, navigation, title', async () => {
    await withPhone(async (page) => {
      await page.goto(`${server.url}/s/TTHCC-Q03?survey=sipas`);
      await surveyJs(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
      const langs = await page.evaluate(() => [
        ...new Set(
          [...document.querySelectorAll('.sd-root-modern, .sd-root-modern *')].map((e) =>
            e.closest('[lang]')?.getAttribute('lang'),
          ),
        ),
      ]);
      expect(langs).toEqual(['vi']);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Đánh giá sự hài lòng về sự phục vụ hành chính',
      );
      expect(await page.getByRole('heading', { level: 2, name: 'Tiếp cận dịch vụ hành chính công' }).isVisible()).toBe(
        true,
      );
      expect(await page.getByText('Phần 1/6 · Tiếp cận dịch vụ hành chính công').isVisible()).toBe(true);
      expect(await unnamedGroups(page)).toEqual([]);

      // "Tiếp tục" is the solid primary action; "Quay lại" sits below it, 16 px or more apart.
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Thủ tục hành chính');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      expect(await page.getByText('Phần 2/6 · Thủ tục hành chính').isVisible()).toBe(true);
      expect(await page.title()).toContain('Phần 2/6');
      const next = page.getByRole('button', { name: 'Tiếp tục' });
      const back = page.getByRole('button', { name: 'Quay lại' });
      const [nextBox, backBox] = [(await next.boundingBox())!, (await back.boundingBox())!];
      expect(backBox.y).toBeGreaterThanOrEqual(nextBox.y + nextBox.height + 16);
      expect(await next.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(11, 79, 138)');
      await screenshot(page, 'phone-sipas-page2');
      await back.click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe('Tiếp cận dịch vụ hành chính công');

      // Borders of options, radio rings and buttons, and the focus ring: at least 3:1 (WCAG 1.4.11).
      const edges = await page.evaluate(() => {
        const color = (sel: string, prop: 'borderTopColor' | 'outlineColor') =>
          getComputedStyle(document.querySelector(sel)!)[prop];
        return {
          option: color('.sd-selectbase__label', 'borderTopColor'),
          ring: color('.sd-item__decorator', 'borderTopColor'),
          next: color('.sd-navigation__next-btn', 'borderTopColor'),
        };
      });
      const atLeast3 = Object.fromEntries(
        Object.entries(edges).map(([what, c]) => [what, contrast(c, 'rgb(255, 255, 255)') >= 3]),
      );
      expect(atLeast3).toEqual({ option: true, ring: true, next: true });
      await page.locator('.sd-item__control').first().focus();
      await page.keyboard.press('ArrowDown');
      const ring = await page.evaluate(() => {
        const deco = document.activeElement?.parentElement?.querySelector('.sd-item__decorator');
        return deco ? getComputedStyle(deco).outlineColor : '';
      });
      expect(contrast(ring, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  test('a skip link comes first; html lang and the title follow the language', async () => {
    await withPhone(async (page) => {
      await page.goto(`${server.url}/s/TTHCC-Q05?lang=en`);
      await surveyJs(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.title()).toContain('Rate the reception desk');
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => [document.activeElement?.textContent, document.activeElement?.getAttribute('href')]),
      ).toEqual(['Skip to the survey', '#main']);
      expect(await unnamedGroups(page)).toEqual([]);
      // The yes/no "complaint" question is a named group too.
      await question(page, 'comment').locator('textarea').fill('Too slow');
      await page.keyboard.press('Tab');
      await question(page, 'complaint').waitFor();
      expect(await unnamedGroups(page)).toEqual([]);
      expect(
        await question(page, 'complaint').locator('fieldset, [role="radiogroup"], [role="group"]').count(),
      ).toBeGreaterThan(0);
    });
  });
});

describe('words, case code and the desk list', () => {
  test('after a complaint: a large case code on one line with a copy button, no "close this page", contact as a second step', async () => {
    await withPhone(async (page) => {
      await page.goto(`${server.url}/s/TTHCC-Q01?survey=quick`);
      await surveyJs(page);
      expect(await addressesAsOngBa(page)).toBe(true);
      await choose(page, 'satisfaction', 'Không hài lòng');
      await question(page, 'comment').locator('textarea').fill('Phải chờ quá lâu.');
      await page.keyboard.press('Tab'); // SurveyJS takes a comment's value when it loses focus
      await choose(page, 'complaint', 'Có, đề nghị xem xét và trả lời');
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
      const code = page.locator('.case-code');
      expect(await code.evaluate((e) => e.getClientRects().length)).toBe(1);
      // …and it stays inside the card's content box on a 360 px phone.
      const overflow = await code.evaluate((e) => {
        const card = e.closest('.card')!;
        return (
          e.getBoundingClientRect().right -
          (card.getBoundingClientRect().right - parseFloat(getComputedStyle(card).paddingRight))
        );
      });
      expect(overflow).toBeLessThanOrEqual(0.5);
      const sizes = await code.evaluate((e) => [
        parseFloat(getComputedStyle(e).fontSize),
        parseFloat(getComputedStyle(document.body).fontSize),
      ]);
      expect(sizes[0]).toBeGreaterThanOrEqual(2 * sizes[1]!);
      expect(await page.getByRole('button', { name: 'Sao chép mã' }).isVisible()).toBe(true);
      expect(await page.getByText('đóng trang này', { exact: false }).count()).toBe(0);
      expect(await page.getByLabel('Số điện thoại', { exact: true }).isVisible()).toBe(false);
      expect(await addressesAsOngBa(page)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'phone-case-code');

      // The second step, and a privacy note that matches what was given.
      await page.getByText('Để lại số điện thoại hoặc email (không bắt buộc)').click();
      await page.getByLabel('Số điện thoại', { exact: true }).fill('0912345678');
      await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
      await page.getByRole('button', { name: 'Gửi thông tin liên hệ' }).click();
      await page.getByText('Đã nhận thông tin liên hệ.', { exact: false }).waitFor();
      expect(await page.getByText('chúng tôi không lưu tên, số điện thoại', { exact: false }).isVisible()).toBe(false);
      expect(
        await page.getByText('Số điện thoại/email Ông/Bà vừa để lại chỉ được dùng', { exact: false }).isVisible(),
      ).toBe(true);
      await screenshot(page, 'phone-contact-saved');
    });
  });

  test('/s lists desks by number, with spaced unit headings', async () => {
    await withPhone(async (page) => {
      await page.goto(`${server.url}/s`);
      const codes = await page.locator('.desk-list__unit').allTextContents();
      expect(codes).toEqual([...codes].sort(new Intl.Collator('vi', { numeric: true }).compare));
      const gaps = await page
        .locator('.unit-group')
        .evaluateAll((hs) => hs.slice(1).map((h) => parseFloat(getComputedStyle(h).marginTop)));
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(24);
      expect(await addressesAsOngBa(page)).toBe(true);
    });
  });
});

describe('nothing pushes a phone page sideways', () => {
  const PAGES = [
    '/',
    '/s',
    '/s/TTHCC-Q01',
    '/s/TTHCC-Q03?survey=sipas',
    '/tra-cuu',
    '/thu-tuc',
    '/thu-tuc/1.013225',
    '/ket-qua',
    '/ket-qua?phieu=quick',
  ];
  beforeAll(async () => {
    // A published result to show: its ranking is the widest table a citizen sees.
    const res = await fetch(`${server.url}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(quickResponse({ point: 'TTHCC-Q05', channel: 'web' })),
    });
    expect(res.status).toBe(201);
  });
  test.each([360, 390])('at %i px wide, in Vietnamese and in English', async (width) => {
    const context = await browser.newContext({ ...PHONE, viewport: { width, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/ket-qua?phieu=quick`);
      expect(await page.locator('main table').count()).toBeGreaterThan(0);
      const wide: string[] = [];
      for (const path of PAGES)
        for (const lang of ['vi', 'en']) {
          await page.goto(`${server.url}${path}${lang === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : ''}`);
          await page.waitForLoadState('load');
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > width) wide.push(`${path} (${lang}): ${scroll} px`);
        }
      expect(wide).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('screenshots of every citizen state', () => {
  test.each(Object.entries(VIEWPORTS))('at %s size', async (name, device) => {
    const context = await browser.newContext({ ...device, locale: 'vi-VN' });
    try {
      const { page, errors } = await openPage(context, { allow: [/status of 404/] });
      await page.goto(`${server.url}/s`);
      await screenshot(page, `${name}-pick-desk`);
      await page.goto(`${server.url}/s/TTHCC-Q04?survey=quick`);
      await surveyJs(page);
      await screenshot(page, `${name}-quick-question`);
      await choose(page, 'satisfaction', 'Không hài lòng');
      await page.waitForTimeout(400);
      await screenshot(page, `${name}-quick-followup`);
      await question(page, 'comment').locator('textarea').fill('Thủ tục chưa rõ.');
      await page.keyboard.press('Tab');
      await choose(page, 'complaint', 'Có, đề nghị xem xét và trả lời');
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.locator('.case-code').waitFor();
      await screenshot(page, `${name}-thanks-case`);
      await page.goto(`${server.url}/s/TTHCC-Q04?survey=sipas&lang=en`);
      await surveyJs(page);
      await screenshot(page, `${name}-sipas-english`);
      await page.goto(`${server.url}/s/QUAY-KHONG-CO`);
      await screenshot(page, `${name}-404`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Question groups (fieldsets, radio groups) without an accessible name. */
function unnamedGroups(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '.sd-question fieldset, .sd-question [role="radiogroup"], .sd-question [role="group"]',
      ),
    ]
      .filter((g) => {
        const by = g.getAttribute('aria-labelledby');
        const named = by ? by.split(' ').some((id) => document.getElementById(id)?.textContent?.trim()) : false;
        return !named && !g.getAttribute('aria-label') && !g.querySelector('legend')?.textContent?.trim();
      })
      .map((g) => g.closest('.sd-question')?.getAttribute('data-name') ?? '?'),
  );
}

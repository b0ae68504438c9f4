import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { quickResponse } from '@/tests/helpers/http';

import { adminCli } from './helpers/admin-cli';
import { axeViolations, openPage, screenshot } from './helpers/browser';
import {
  createDevice as newDevice,
  openStaff,
  pairedTablet as pair,
  TABLET,
  readyForOffline,
  type Tablet,
} from './helpers/kiosk';
import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';

// User stories of the tablet on a stand at a reception desk, at 800×1280.

const THANKS_SECONDS = 2;
const IDLE_SECONDS = 5;
const OFFLINE = [/ERR_INTERNET_DISCONNECTED/, /Failed to fetch/, /status of 403 .*\/api\/kiosk\/pin/];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await startServerAndBrowser({
    KIOSK_THANKS_SECONDS: String(THANKS_SECONDS),
    KIOSK_IDLE_SECONDS: String(IDLE_SECONDS),
  });
});
afterAll(() => stopServerAndBrowser(server, browser));

const admin = (...args: string[]) => adminCli(server, ...args);
const createDevice = (point: string) => newDevice(server, point);
const pairedTablet = (point: string, allow: RegExp[] = [], init?: () => void) =>
  pair(server, browser, point, { allow, init });

async function done(tablet: Tablet) {
  await tablet.context.close();
  expect(tablet.errors).toEqual([]);
}

const rowsOf = (deviceId: number) =>
  server.query<{ channel: string; point: string; answers: string }>(
    `SELECT r.channel, p.code AS point, r.answers FROM responses r JOIN service_points p ON p.id = r.point_id WHERE r.device_id = ?`,
    deviceId,
  );

const choice = (page: Page, label: string) =>
  page.locator('[data-name="satisfaction"] .sd-item').filter({ hasText: new RegExp(`^${label}$`) });

async function answerOnce(page: Page, label: string) {
  await page.getByRole('button', { name: 'Chạm để đánh giá' }).click();
  await choice(page, label).click();
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
}

describe('the kiosk tablet at a desk', () => {
  test('an administrator pairs a tablet with the one-time link; the link works once', async () => {
    const { id, link } = await createDevice('TTHCC-Q01');
    const context = await browser.newContext(TABLET);
    const { page, errors } = await openPage(context);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Kết nối máy tính bảng với quầy' }).waitFor();
    expect(await page.getByText('Quầy số 1 – Giấy phép xây dựng', { exact: true }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-pairing');
    await page.getByRole('button', { name: 'Kết nối máy này' }).click();
    await page.waitForURL(`${server.url}/kiosk`);
    await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor();

    const cookie = (await context.cookies()).find((c) => c.name === 'hl_device');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie!.expires * 1000).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    expect(
      server.query<{ n: number }>('SELECT count(*) AS n FROM devices WHERE id = ? AND paired_at IS NOT NULL', id)[0]!.n,
    ).toBe(1);
    await context.close();
    expect(errors).toEqual([]);

    // A second tablet (or a link scanner) cannot use the link again.
    const other = await browser.newContext(TABLET);
    const second = await other.newPage();
    await second.goto(link);
    await second.getByText('đã được dùng hoặc đã hết hạn', { exact: false }).waitFor();
    expect(await second.getByRole('button', { name: 'Kết nối máy này' }).count()).toBe(0);
    await other.close();

    expect(await admin('device', 'list')).toMatch(new RegExp(`#${id}\\s+TTHCC-Q01.*paired`));
  });

  test('a citizen taps, rates, sees thank-you, and the screen returns for the next person', async () => {
    const tablet = await pairedTablet('TTHCC-Q01');
    const { page } = tablet;
    expect(await page.getByText('Quầy số 1 – Giấy phép xây dựng').isVisible()).toBe(true);
    expect(await page.locator('a[href]').count()).toBe(0); // nothing leads a citizen away
    expect((await page.getByRole('button', { name: 'Chạm để đánh giá' }).boundingBox())!.height).toBeGreaterThanOrEqual(
      64,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-attract');

    await page.getByRole('button', { name: 'Chạm để đánh giá' }).click();
    // The kiosk asks about the service at the desk today, not the dossier's handling (unknown yet).
    await page.getByText('Ông/Bà hài lòng với sự phục vụ tại quầy hôm nay ở mức nào?').waitFor();
    for (const label of ['Rất hài lòng', 'Hài lòng', 'Không hài lòng']) {
      expect((await choice(page, label).boundingBox())!.height).toBeGreaterThanOrEqual(64);
    }
    expect((await page.getByRole('button', { name: 'Gửi đánh giá' }).boundingBox())!.height).toBeGreaterThanOrEqual(64);
    expect(await page.locator('a[href]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-question');

    await choice(page, 'Rất hài lòng').click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    // Timed from the thank-you's appearance: axe and the screenshot may take longer on a busy machine.
    const thanksAt = Date.now();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-thanks');
    await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor({ timeout: (THANKS_SECONDS + 3) * 1000 });
    expect(Date.now() - thanksAt).toBeGreaterThanOrEqual((THANKS_SECONDS - 0.5) * 1000);

    await expect.poll(() => rowsOf(tablet.deviceId).length, { timeout: 10_000 }).toBe(1);
    expect(rowsOf(tablet.deviceId)[0]).toMatchObject({ channel: 'kiosk', point: 'TTHCC-Q01' });
    expect(JSON.parse(rowsOf(tablet.deviceId)[0]!.answers)).toEqual({ satisfaction: 3 });

    // The heartbeat has reported in, so staff can see the tablet is alive.
    const health = () =>
      server.query<{ app_version: string | null; queue_length: number | null; last_seen_at: number | null }>(
        'SELECT app_version, queue_length, last_seen_at FROM devices WHERE id = ?',
        tablet.deviceId,
      )[0]!;
    await expect.poll(() => health().last_seen_at, { timeout: 10_000 }).not.toBeNull();
    expect(health()).toMatchObject({ app_version: '0.1.0', queue_length: expect.any(Number) });
    await done(tablet);
  });

  test('a survey left half-answered resets after the idle timeout and its answer is discarded', async () => {
    const tablet = await pairedTablet('TTHCC-Q02');
    const { page } = tablet;
    await page.getByRole('button', { name: 'Chạm để đánh giá' }).click();
    await choice(page, 'Không hài lòng').click();
    await page.locator('[data-name="reasons"]').waitFor();
    const left = Date.now();
    await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor({ timeout: (IDLE_SECONDS + 5) * 1000 });
    expect(Date.now() - left).toBeGreaterThanOrEqual((IDLE_SECONDS - 0.5) * 1000);

    await page.getByRole('button', { name: 'Chạm để đánh giá' }).click();
    await page.locator('[data-name="satisfaction"]').waitFor();
    expect(await page.locator('[data-name="satisfaction"] input:checked').count()).toBe(0);
    expect(await page.locator('[data-name="reasons"]').count()).toBe(0);
    expect(rowsOf(tablet.deviceId)).toHaveLength(0);
    await done(tablet);
  });

  test('offline: 20 answers are queued, survive a reload with no network, and arrive exactly once', async () => {
    const tablet = await pairedTablet('TTHCC-Q04', OFFLINE);
    const { page, context } = tablet;
    page.setDefaultTimeout(20_000);
    // Once the service worker controls the page, everything the shell needs is in its cache.
    await readyForOffline(page);

    await context.setOffline(true);
    const labels = ['Rất hài lòng', 'Hài lòng', 'Không hài lòng'];
    for (let i = 0; i < 20; i++) {
      await answerOnce(page, labels[i % 3]!);
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).click(); // tapping skips the wait
      await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor();
    }
    await expect.poll(() => pendingOf(page)).toBe('20');
    expect(await page.getByText('Chờ gửi', { exact: false }).count()).toBe(0); // staff business, not on citizen screens
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-offline-pending');

    // Staff cannot unlock while offline, and are told why.
    await openStaff(page);
    await page.getByLabel('Mã PIN của máy').fill('2468');
    await page.getByRole('button', { name: 'Mở' }).click();
    await page.getByText('Máy đang mất mạng nên không kiểm tra được mã PIN', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Huỷ' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor();
    await expect.poll(() => pendingOf(page)).toBe('20');
    expect(rowsOf(tablet.deviceId)).toHaveLength(0);

    await context.setOffline(false);
    await expect.poll(() => rowsOf(tablet.deviceId).length, { timeout: 60_000, interval: 500 }).toBe(20);
    await expect.poll(() => pendingOf(page)).toBe('0');
    await page.waitForTimeout(1_500); // nothing more arrives: exactly once
    expect(rowsOf(tablet.deviceId)).toHaveLength(20);
    expect(rowsOf(tablet.deviceId).every((r) => r.channel === 'kiosk' && r.point === 'TTHCC-Q04')).toBe(true);

    // Back online, staff unlock with the PIN and see the queue is empty.
    await openStaff(page);
    await page.getByLabel('Mã PIN của máy').fill('1111');
    await page.getByRole('button', { name: 'Mở' }).click();
    await page.getByText('Mã PIN không đúng.').waitFor();
    await page.getByLabel('Mã PIN của máy').fill('2468');
    await page.getByRole('button', { name: 'Mở' }).click();
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).waitFor();
    expect(await page.getByTestId('staff-pending').textContent()).toBe('0');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-staff');
    await done(tablet);
  }, 240_000);

  test('a revoked tablet is refused and shows that it is not connected', async () => {
    const tablet = await pairedTablet('TTHCC-Q05');
    const { page } = tablet;
    // The tablet's first heartbeat (2 s after start) would learn of a revocation before the answer
    // does; let it pass first, so the next one is a minute away (a race that CI once lost).
    await expect
      .poll(
        () =>
          server.query<{ v: string | null }>('SELECT app_version AS v FROM devices WHERE id = ?', tablet.deviceId)[0]
            ?.v ?? null,
        { timeout: 30_000 },
      )
      .not.toBeNull();
    await admin('device', 'revoke', '--id', String(tablet.deviceId));

    // The open tablet learns it at its next send: the answer stays queued, the survey goes away
    // (the thank-you may be replaced before a test can see it).
    await page.getByRole('button', { name: 'Chạm để đánh giá' }).click();
    await choice(page, 'Hài lòng').click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Máy chưa được kết nối' }).waitFor();
    expect(await page.getByText('Chờ gửi: 1').isVisible()).toBe(true);

    const status = await page.evaluate(
      async (body) => {
        const res = await fetch('/api/responses', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return res.status;
      },
      quickResponse({ point: 'TTHCC-Q05', channel: 'kiosk' }),
    );
    expect(status).toBe(401);
    await page.reload();
    await page.getByRole('heading', { name: 'Máy chưa được kết nối' }).waitFor();
    expect(await page.getByRole('button', { name: 'Chạm để đánh giá' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-revoked');
    expect(rowsOf(tablet.deviceId)).toHaveLength(0);
    tablet.errors.splice(0); // the refused requests above log 401s on purpose
    await done(tablet);
  });

  test('elderly mode enlarges the text and reads the question and its options aloud in Vietnamese', async () => {
    const tablet = await pairedTablet('TTHCC-Q03', [], fakeVietnameseVoice);
    const { page } = tablet;
    const normal = await fontSize(page);
    // Two toggles with fixed labels: pressing one changes its state, never its words.
    await page.getByRole('button', { name: 'Chữ to' }).click();
    expect(await page.getByRole('button', { name: 'Chữ to' }).getAttribute('aria-pressed')).toBe('true');
    expect(await fontSize(page)).toBeGreaterThan(normal * 1.2);
    await page.getByRole('button', { name: 'Đọc to' }).click();
    expect(await page.getByRole('button', { name: 'Đọc to' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Chạm để đánh giá' }).click();
    await page.locator('[data-name="satisfaction"]').waitFor();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.join(' | ')))
      .toContain('Ông/Bà hài lòng với sự phục vụ tại quầy hôm nay ở mức nào?. Rất hài lòng. Hài lòng. Không hài lòng');
    await choice(page, 'Không hài lòng').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.join(' | ')))
      .toContain('Điều gì chưa tốt?');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-elderly-question');
    await done(tablet);
  });

  test('without a Vietnamese voice "Chữ to" is still offered, "Đọc to" is not', async () => {
    const tablet = await pairedTablet('TTHCC-Q03');
    expect(await tablet.page.getByRole('button', { name: 'Chữ to' }).count()).toBe(1);
    expect(await tablet.page.getByRole('button', { name: 'Đọc to' }).count()).toBe(0);
    await done(tablet);
  });
  test.each([
    ['portrait', { width: 800, height: 1280 }],
    ['landscape', { width: 1280, height: 800 }],
  ] as const)(
    '%s: after "Không hài lòng" the send bar stays on screen, and a complaint shows a large case code with a QR code',
    async (name, viewport) => {
      const tablet = await pairedTablet(name === 'portrait' ? 'TTHCC-Q01' : 'TTHCC-Q02');
      const { page } = tablet;
      await page.setViewportSize(viewport);
      await screenshot(page, `kiosk-${name}-attract`);
      await expectOnScreen(page, page.getByRole('button', { name: 'Chạm để đánh giá' }));
      await expectOnScreen(page, page.getByRole('button', { name: 'Chữ to' }));
      await expectButtonsApart(page);
      await page.getByRole('button', { name: 'Chữ to' }).click();
      await page.getByRole('button', { name: 'Chạm để đánh giá' }).click();
      await expectOnScreen(page, page.getByRole('button', { name: 'Gửi đánh giá' }));
      await choice(page, 'Không hài lòng').click();
      await page.locator('[data-name="reasons"]').waitFor();
      await expectOnScreen(page, page.getByRole('button', { name: 'Gửi đánh giá' }));
      await page.locator('[data-name="comment"] textarea').fill('Chờ quá lâu.');
      await page.keyboard.press('Tab'); // SurveyJS takes a comment's value when it loses focus
      await page.locator('[data-name="complaint"]').getByText('Có, đề nghị xem xét và trả lời').click();
      await page.waitForTimeout(400);
      await expectOnScreen(page, page.getByRole('button', { name: 'Gửi đánh giá' }));
      await expectButtonsApart(page);
      await screenshot(page, `kiosk-${name}-elderly-complaint`);
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();

      await page.locator('.case-code').waitFor({ timeout: 15_000 });
      const [code, body] = await page
        .locator('.case-code')
        .evaluate((e) => [
          parseFloat(getComputedStyle(e).fontSize),
          parseFloat(getComputedStyle(document.querySelector('.kiosk-thanks > p')!).fontSize),
        ]);
      expect(code).toBeGreaterThanOrEqual(2 * body!);
      expect(await page.locator('.case-code').evaluate((e) => e.getClientRects().length)).toBe(1);
      await page.getByRole('img', { name: 'Quét mã QR này bằng điện thoại để theo dõi phản ánh' }).waitFor();
      expect(await page.getByLabel('Số điện thoại', { exact: true }).isVisible()).toBe(false); // the contact form is a second, optional step
      expect(await page.locator('a[href]').count()).toBe(0);
      expect(await page.getByText('đóng trang này', { exact: false }).count()).toBe(0);
      await expectButtonsApart(page);
      await screenshot(page, `kiosk-${name}-case-code`, false);
      // With "Chữ to" the code, its QR code, the contact offer and "done" fit one screen.
      await page.getByRole('img', { name: 'Quét mã QR này bằng điện thoại để theo dõi phản ánh' }).waitFor();
      for (const needed of [
        page.locator('.case-code'),
        page.getByRole('img', { name: 'Quét mã QR này bằng điện thoại để theo dõi phản ánh' }),
        page.getByText('Để lại số điện thoại hoặc email (không bắt buộc)'),
        page.getByRole('button', { name: 'Xong, trở về' }),
      ])
        await expectOnScreen(page, needed);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByText('Để lại số điện thoại hoặc email (không bắt buộc)').click();
      await page.getByLabel('Số điện thoại', { exact: true }).waitFor();
      await expectOnScreen(page, page.getByLabel('Số điện thoại', { exact: true }));
      await expectButtonsApart(page);
      await expectOnScreen(page, page.getByRole('button', { name: 'Gửi thông tin liên hệ' }));
      await expectOnScreen(page, page.getByRole('button', { name: 'Xong, trở về' }));
      await screenshot(page, `kiosk-${name}-contact-step`, false);
      await page.getByRole('button', { name: 'Xong, trở về' }).click();
      await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor();
      await done(tablet);
    },
  );
});

/** The element is entirely inside the viewport, without scrolling, and nothing covers its middle. */
async function expectOnScreen(page: Page, locator: ReturnType<Page['locator']>) {
  const box = (await locator.boundingBox())!;
  const { height, width } = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  const onTop = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (el === hit || el.contains(hit));
  });
  expect(onTop).toBe(true);
}

/** Adjacent visible buttons (and button-like summaries) are at least 16 px apart. */
async function expectButtonsApart(page: Page) {
  const tooClose = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('button, summary')]
      .filter((b) => !b.classList.contains('kiosk-corner') && (b as HTMLElement).offsetParent !== null)
      .map((b) => ({ name: b.textContent?.trim() ?? '', r: b.getBoundingClientRect() }));
    const gap = (a: DOMRect, b: DOMRect) =>
      Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (gap(boxes[i]!.r, boxes[j]!.r) < 16) out.push(`${boxes[i]!.name} / ${boxes[j]!.name}`);
    return out;
  });
  expect(tooClose).toEqual([]);
}

const pendingOf = (page: Page) => page.locator('.kiosk').getAttribute('data-pending');

const fontSize = (page: Page) => page.locator('.kiosk').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** Headless Chromium has no voices: give it one Vietnamese voice and record what is spoken. */
function fakeVietnameseVoice() {
  const spoken: string[] = [];
  const voice = { lang: 'vi-VN', name: 'Test Vietnamese', default: true, localService: true, voiceURI: 'test-vi' };
  (window as unknown as { __spoken: string[] }).__spoken = spoken;
  class Utterance {
    voice: unknown = null;
    lang = '';
    rate = 1;
    constructor(public text: string) {}
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => [voice],
      speak: (u: Utterance) => spoken.push(u.text),
      cancel: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
  });
}

import { execFileSync } from 'node:child_process';

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { DEMO_USERS } from '@/server/seed-users';

import { axeViolations, openPage, screenshot, signIn as signInAt } from './helpers/browser';
import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';

// The case story: a citizen's negative rating opens a case; the right manager, and no other,
// handles it with a public reply; the citizen follows it by its code.

let server: TestServer;
let browser: Browser;
const OTHER_MANAGER = { username: 'quanly.nha', password: 'other manager pass 1' };

beforeAll(async () => {
  [server, browser] = await startServerAndBrowser();
  // A manager of another unit (Phòng Quản lý nhà), made the way an operator would.
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/admin.ts',
      'user',
      'create',
      '--username',
      OTHER_MANAGER.username,
      '--role',
      'manager',
      '--unit',
      'SXD-NHA',
      '--password',
      OTHER_MANAGER.password,
    ],
    {
      env: { ...process.env, DATABASE_URL: `file:${server.dbPath}` },
      stdio: 'pipe',
    },
  );
});
afterAll(() => stopServerAndBrowser(server, browser));

async function withContext(
  options: Parameters<Browser['newContext']>[0],
  run: (page: Page, context: BrowserContext) => Promise<void>,
  allow: RegExp[] = [],
) {
  const context = await browser.newContext({ locale: 'vi-VN', ...options });
  try {
    const { page, errors } = await openPage(context, { allow });
    await run(page, context);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

const signIn = (page: Page, username: string, password: string, next: string) =>
  signInAt(page, server.url, username, password, next);

const TABLET = { viewport: { width: 800, height: 1280 }, deviceScaleFactor: 1, hasTouch: true };
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const manager = DEMO_USERS.find((u) => u.role === 'manager')!;

describe('a negative rating becomes a handled case', () => {
  let code = '';

  test('at the desk’s kiosk the citizen rates "Không hài lòng", gets a case code and leaves a phone number with consent', async () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/admin.ts', 'device', 'create', '--point', 'TTHCC-Q01', '--pin', '2468'],
      {
        env: {
          ...process.env,
          DATABASE_URL: `file:${server.dbPath}`,
          PUBLIC_BASE_URL: server.url,
          APP_SECRET: 'e2e-secret-0123456789abcdef',
        },
      },
    ).toString();
    const link = out.trim().split('\n').at(-1)!;
    await withContext(TABLET, async (page) => {
      await page.goto(link);
      await page.getByRole('button', { name: 'Kết nối máy này' }).click();
      await page.waitForURL(`${server.url}/kiosk`);
      await page.getByRole('button', { name: 'Chạm để đánh giá' }).click();
      const q = page.locator('[data-name="satisfaction"]');
      await q.waitFor();
      await q.getByText('Không hài lòng', { exact: true }).click();
      await page.locator('[data-name="reasons"]').getByText('Thời gian giải quyết', { exact: false }).first().click();
      await page.locator('[data-name="comment"] textarea').fill('Hẹn trả kết quả 3 lần vẫn chưa có.');
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();

      const codeEl = page.locator('.case-code');
      await codeEl.waitFor();
      code = (await codeEl.innerText()).trim();
      expect(code).toMatch(/^PA-[0-9A-Z]{7}-[0-9A-Z]$/);
      expect(await page.locator('a[href]').count()).toBe(0); // the kiosk still leads nowhere

      await page.getByText('Để lại số điện thoại hoặc email (không bắt buộc)').click(); // the optional second step
      await page.getByLabel('Số điện thoại', { exact: true }).fill('0912 345 678');
      await page.getByRole('button', { name: 'Gửi thông tin liên hệ' }).click();
      // The consent box is required: without it nothing is sent.
      expect(server.query('SELECT * FROM case_contacts')).toEqual([]);
      await page.getByLabel(/Tôi đồng ý để cơ quan dùng/).check();
      await page.getByRole('button', { name: 'Gửi thông tin liên hệ' }).click();
      await page.getByText('Đã nhận thông tin liên hệ.').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'case-thanks-kiosk');
      expect(server.query<{ phone: string }>('SELECT phone FROM case_contacts')).toEqual([{ phone: '0912345678' }]);
      expect(
        server.query<{ channel: string }>('SELECT r.channel FROM cases c JOIN responses r ON r.id = c.response_id'),
      ).toEqual([{ channel: 'kiosk' }]);

      await page.getByRole('button', { name: 'Xong' }).click();
      await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor();
    });
  });

  test('a manager of another unit neither lists nor opens it', async () => {
    await withContext(
      { viewport: { width: 1280, height: 900 } },
      async (page) => {
        await signIn(page, OTHER_MANAGER.username, OTHER_MANAGER.password, '/cases');
        expect(await page.getByText(code).count()).toBe(0);
        const res = await page.goto(`${server.url}/cases/${code}`);
        expect(res?.status()).toBe(404);
      },
      [/404 \(Not Found\).*\/cases\/PA-/],
    );
  });

  test('a leader reads the case and learns that a contact exists, but not the number', async () => {
    const leader = DEMO_USERS.find((u) => u.role === 'leader')!;
    await withContext({ viewport: { width: 1280, height: 900 } }, async (page) => {
      await signIn(page, leader.username, leader.password, `/cases/${code}`);
      await page.getByText('chỉ người xử lý phản ánh (quản lý đơn vị, quản trị) xem được').waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/0912|345 ?678/);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'case-detail-leader');
    });
  });

  test('the desk’s unit manager sees it in the queue, notes, resolves it with a public reply', async () => {
    await withContext({ viewport: { width: 1280, height: 900 } }, async (page) => {
      await signIn(page, manager.username, manager.password, '/cases');
      await page.getByRole('link', { name: code }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'case-queue');
      await page.getByRole('link', { name: code }).click();
      await page.waitForURL(new RegExp(`/cases/${code}$`));
      expect(await page.getByText('0912345678').count()).toBeGreaterThan(0); // the handler sees the contact

      await page.getByLabel('Ghi chú nội bộ (người dân không xem được)').fill('Đã gọi lại cho người dân lúc 9h.');
      await page.getByRole('button', { name: 'Thêm ghi chú' }).click();
      await page.getByText('Đã thêm ghi chú.').waitFor();

      // Closing without a public reply is refused, next to the field.
      await page.getByLabel('Trạng thái').selectOption('resolved');
      await page.getByRole('button', { name: 'Lưu trạng thái' }).click();
      await page.getByText('Cần nhập trả lời công khai').waitFor();

      await page
        .getByLabel(/Trả lời công khai/)
        .fill('Hồ sơ đã được trả kết quả ngày 12/3. Đơn vị xin lỗi vì sự chậm trễ.');
      await page.getByRole('button', { name: 'Lưu trạng thái' }).click();
      await page.getByText('Đã cập nhật trạng thái.').waitFor();
      expect(server.query('SELECT status FROM cases')).toEqual([{ status: 'resolved' }]);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'case-detail');
    });
  });

  test('the citizen looks the code up and reads the status and reply, and nothing personal', async () => {
    await withContext(PHONE, async (page) => {
      await page.goto(`${server.url}/tra-cuu`);
      await page.getByLabel('Mã phản ánh').fill(code.toLowerCase().replace(/-/g, ' '));
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.waitForURL(/ma=/);
      await page.getByText('Đã xử lý').waitFor();
      const text = await page.locator('main').innerText();
      expect(text).toContain('Hồ sơ đã được trả kết quả ngày 12/3.');
      expect(text).not.toMatch(/0912|Hẹn trả kết quả|Đã gọi lại/);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'case-lookup');
    });
  });
});

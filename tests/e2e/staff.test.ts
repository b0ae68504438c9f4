import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { DEMO_USERS } from '@/server/seed-users';

import { axeViolations, openPage, screenshot } from './helpers/browser';
import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';

// Staff stories: signing in as each role, and the 1022 hotline operator recording a caller's rating.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await startServerAndBrowser();
});
afterAll(() => stopServerAndBrowser(server, browser));

const demo = (role: string) => DEMO_USERS.find((u) => u.role === role)!;

async function asStaff(run: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  try {
    const { page, errors } = await openPage(context);
    await run(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('Tên đăng nhập / Username').fill(username);
  await page.getByLabel('Mật khẩu / Password').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('signing in', () => {
  test('a staff page sends an anonymous visitor to the login page, a wrong password is refused plainly, and the right one returns to the page', async () => {
    await asStaff(async (page) => {
      await page.goto(`${server.url}/operator`);
      await page.waitForURL(/\/login\?next=%2Foperator/);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'staff-login');

      await signIn(page, 'tongdai', 'not the password');
      await page.locator('.status--error').waitFor();
      expect(await page.locator('.status--error').innerText()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');

      await signIn(page, 'tongdai', demo('operator').password);
      await page.waitForURL(/\/operator$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Tổng đài 1022');
    });
  });

  test.each(DEMO_USERS.map((u) => [u.role, u] as const))(
    '%s sees only the links of their role and may not open another role’s page',
    async (role, user) => {
      await asStaff(async (page) => {
        await page.goto(`${server.url}/login?next=/account`);
        await signIn(page, user.username, user.password);
        await page.waitForURL(/\/account$/);
        const nav = page.getByRole('navigation', { name: 'Điều hướng nhân viên' });
        await nav.waitFor();
        const links = await nav.getByRole('listitem').allInnerTexts();
        const expected = {
          admin: ['Bảng điều khiển', 'Phản ánh', 'Quản trị', 'Tổng đài 1022'],
          leader: ['Bảng điều khiển', 'Phản ánh'],
          manager: ['Bảng điều khiển', 'Phản ánh'],
          operator: ['Tổng đài 1022'],
          officer: ['Đánh giá của tôi'],
        }[role];
        expect(links).toEqual(expected);

        await page.goto(`${server.url}/operator`);
        if (role === 'operator' || role === 'admin') expect(page.url()).toMatch(/\/operator$/);
        else await page.waitForURL(/\/forbidden$/);

        await page.getByRole('button', { name: 'Đăng xuất' }).click();
        await page.waitForURL(/\/login$/);
        await page.goto(`${server.url}/account`);
        await page.waitForURL(/\/login\?next=/);
      });
    },
  );
});

describe('the 1022 hotline operator', () => {
  test('records a caller’s rating for a desk and procedure; it is stored with channel hotline and the operator', async () => {
    await asStaff(async (page) => {
      await page.goto(`${server.url}/login?next=/operator`);
      await signIn(page, 'tongdai', demo('operator').password);
      await page.waitForURL(/\/operator$/);

      await page.getByLabel('Quầy đã phục vụ người gọi (theo đơn vị)').selectOption('TTHCC-Q03');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByLabel('Thủ tục hành chính').waitFor();
      const procedure = await page.getByLabel('Thủ tục hành chính').locator('option').nth(1).getAttribute('value');
      await page.getByLabel('Thủ tục hành chính').selectOption(procedure!);
      await page.getByRole('button', { name: 'Bắt đầu nhập đánh giá' }).click();

      const q = page.locator('[data-name="satisfaction"]');
      await q.waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await q.getByText('Hài lòng', { exact: true }).click();
      await screenshot(page, 'operator-form');
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('link', { name: 'Nhập cuộc gọi tiếp theo' }).waitFor();

      const rows = server.query<{
        channel: string;
        point: string;
        procedure: string;
        operator: string;
        answers: string;
      }>(
        `SELECT r.channel, p.code AS point, pr.code AS procedure, u.username AS operator, r.answers
         FROM responses r JOIN service_points p ON p.id = r.point_id JOIN procedures pr ON pr.id = r.procedure_id
         JOIN users u ON u.id = r.operator_id`,
      );
      expect(rows).toEqual([
        {
          channel: 'hotline',
          point: 'TTHCC-Q03',
          procedure,
          operator: 'tongdai',
          answers: JSON.stringify({ satisfaction: 2 }),
        },
      ]);

      // The next call starts from an empty form on the same desk.
      await page.getByRole('link', { name: 'Nhập cuộc gọi tiếp theo' }).click();
      await page.getByRole('button', { name: 'Bắt đầu nhập đánh giá' }).click();
      await page.locator('[data-name="satisfaction"]').waitFor();
      expect(await page.locator('[data-name="satisfaction"] input:checked').count()).toBe(0);
    });
  });
});

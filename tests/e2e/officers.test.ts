import { spawn } from 'node:child_process';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { axeViolations, launchBrowser, openPage, screenshot } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

// The officer at the desk (OFFICER_RATINGS=1): staff choose them in the kiosk's staff panel, the
// attract screen names them, and the tablet's answers carry them, set by the server.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ OFFICER_RATINGS: '1' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const TABLET = { viewport: { width: 800, height: 1280 }, deviceScaleFactor: 1, hasTouch: true, locale: 'vi-VN' };

function admin(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/admin.ts', ...args], {
      env: {
        ...process.env,
        DATABASE_URL: `file:${server.dbPath}`,
        PUBLIC_BASE_URL: server.url,
        APP_SECRET: 'e2e-secret-0123456789abcdef',
      },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`admin ${args.join(' ')} failed:\n${out}`)),
    );
  });
}

async function openStaff(page: Page) {
  await page.mouse.move(20, 20);
  await page.mouse.down();
  await page.waitForTimeout(3_300);
  await page.mouse.up();
  await page.getByRole('dialog', { name: 'Dành cho cán bộ' }).waitFor();
}

describe('the officer at the desk', () => {
  test('staff choose the officer in the staff panel; the attract screen names them; an answer carries them', async () => {
    const made = await admin(
      'officer',
      'create',
      '--unit',
      'SXD-QLXD',
      '--name',
      'Nguyễn Văn An',
      '--title',
      'Chuyên viên',
    );
    const officerId = Number(/Officer (\d+)/.exec(made)?.[1]);
    await admin('officer', 'create', '--unit', 'SXD-QLXD', '--name', 'Trần Thị Bình');
    await admin('officer', 'create', '--unit', 'SXD-NHA', '--name', 'Lê Văn Cường');
    const gone = Number(
      /Officer (\d+)/.exec(await admin('officer', 'create', '--unit', 'SXD-QLXD', '--name', 'Phạm Đã Nghỉ'))?.[1],
    );
    await admin('officer', 'disable', '--id', String(gone));
    const list = await admin('officer', 'list', '--unit', 'SXD-QLXD');
    expect(list).toMatch(/Nguyễn Văn An.*active/);
    expect(list).toMatch(/Phạm Đã Nghỉ.*disabled/);

    const device = await admin('device', 'create', '--point', 'TTHCC-Q01', '--pin', '2468');
    const link = device.trim().split('\n').at(-1)!;
    const context = await browser.newContext(TABLET);
    const { page, errors } = await openPage(context);
    await page.goto(link);
    await page.getByRole('button', { name: 'Kết nối máy này' }).click();
    await page.waitForURL(`${server.url}/kiosk`);
    await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor();
    expect(await page.getByTestId('kiosk-officer').count()).toBe(0);

    await openStaff(page);
    await page.getByLabel('Mã PIN của máy').fill('2468');
    await page.getByRole('button', { name: 'Mở' }).click();
    const select = page.getByLabel('Cán bộ đang làm việc tại quầy');
    await page.getByRole('option', { name: 'Nguyễn Văn An – Chuyên viên' }).waitFor({ state: 'attached' });
    // Only the desk unit's active officers are offered.
    expect(await select.locator('option').allInnerTexts()).toEqual([
      '— Không ghi cán bộ —',
      'Nguyễn Văn An – Chuyên viên',
      'Trần Thị Bình',
    ]);
    await select.selectOption(String(officerId));
    await page.getByRole('button', { name: 'Lưu ca làm việc' }).click();
    await page.getByText('Đã lưu.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-staff-shift');
    await page.getByRole('button', { name: 'Trở lại màn hình đánh giá' }).click();

    const card = page.getByTestId('kiosk-officer');
    await card.waitFor();
    expect(await card.innerText()).toContain('Nguyễn Văn An');
    expect(await card.innerText()).toContain('Chuyên viên');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-attract-officer');

    await page.getByRole('button', { name: 'Chạm để đánh giá' }).click();
    await page
      .locator('[data-name="satisfaction"] .sd-item')
      .filter({ hasText: /^Hài lòng$/ })
      .click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    await expect
      .poll(() =>
        server.query<{ officer: number | null }>(
          'SELECT officer_id AS officer FROM responses WHERE channel = ?',
          'kiosk',
        ),
      )
      .toEqual([{ officer: officerId }]);
    await context.close();
    expect(errors).toEqual([]);
  }, 240_000);
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { adminCli } from './helpers/admin-cli';
import { openPage, screenshot, SCREENSHOTS } from './helpers/browser';
import { decodeQrPng } from './helpers/qr';
import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';

// An administrator prints the QR posters for the desks.

let server: TestServer;
let browser: Browser;
const PASSWORD = 'poster-admin-password-1';

beforeAll(async () => {
  [server, browser] = await startServerAndBrowser();
  await adminCli(server, 'user', 'create', '--username', 'vanphong', '--role', 'admin', '--password', PASSWORD);
});
afterAll(() => stopServerAndBrowser(server, browser));

describe('QR posters', () => {
  test('an administrator opens a desk poster after logging in and prints it to one A4 page', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1200 }, locale: 'vi-VN' });
    const { page, errors } = await openPage(context);
    await page.goto(`${server.url}/admin/points/TTHCC-Q01/poster`);
    await page.waitForURL(/\/login\?next=/); // not signed in: off to the login page, and back after
    await page.getByLabel('Tên đăng nhập / Username').fill('vanphong');
    await page.getByLabel('Mật khẩu / Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${server.url}/admin/points/TTHCC-Q01/poster`);

    const poster = page.locator('.poster');
    expect(await poster.count()).toBe(1);
    expect(await poster.getByText('Quầy số 1 – Giấy phép xây dựng').isVisible()).toBe(true);
    expect(await poster.getByText('Phòng Quản lý xây dựng').isVisible()).toBe(true);
    // The short address under the code: PUBLIC_BASE_URL (here the default, localhost:PORT) without the scheme.
    expect(await poster.locator('.poster__url').textContent()).toMatch(/^localhost:\d+\/s\/TTHCC-Q01$/);
    expect(await poster.locator('svg').count()).toBe(2);
    // Both codes decode from the page as printed: the rating, and the desk's procedure lookup.
    const base = `http://localhost:${new URL(server.url).port}`;
    expect(decodeQrPng(await poster.locator('.poster__qr').screenshot())).toBe(`${base}/s/TTHCC-Q01`);
    const lookup = decodeQrPng(await poster.locator('.poster__lookup-qr').screenshot());
    expect(lookup).toBe(`${base}/thu-tuc?point=TTHCC-Q01`);
    expect(await poster.locator('.poster__lookup-url').textContent()).toBe(lookup!.replace(/^https?:\/\//, ''));
    // …which opens the desk's own procedures.
    const listed = await (await fetch(lookup!.replace(base, server.url))).text();
    expect(listed).toContain('Thủ tục tại Quầy số 1 – Giấy phép xây dựng');
    expect(listed).toContain('Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II');
    expect(listed).not.toContain('Cấp mới chứng chỉ hành nghề môi giới bất động sản');
    await screenshot(page, 'poster-screen');

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(`${SCREENSHOTS}/poster-TTHCC-Q01.pdf`, pdf);
    expect(pageCount(pdf)).toBe(1);
    // A look at the printed sheet as a person would see it (poppler's pdftoppm, when installed).
    spawnSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-singlefile',
      `${SCREENSHOTS}/poster-TTHCC-Q01.pdf`,
      `${SCREENSHOTS}/poster-printed`,
    ]);
    await context.close();
    expect(errors).toEqual([]);
  });

  test("a unit's page prints one poster per desk of its subtree, one A4 page each", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1200 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Tên đăng nhập / Username').fill('vanphong');
    await page.getByLabel('Mật khẩu / Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const desks = server.query<{ n: number }>('SELECT count(*) AS n FROM service_points WHERE active = 1')[0]!.n;
    await page.goto(`${server.url}/admin/units/SXD/posters`);
    expect(await page.locator('.poster').count()).toBe(desks);
    expect(pageCount(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))).toBe(desks);

    const missing = await page.goto(`${server.url}/admin/units/KHONG-CO/posters`);
    expect(missing?.status()).toBe(404);
    await context.close();
  });
});

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

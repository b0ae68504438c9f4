import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { adminCli } from './helpers/admin-cli';
import { dossierUrl } from '@/lib/qr/links';

import { axeViolations, openPage, rateSatisfied, screenshot, signIn } from './helpers/browser';
import { openStaff, pairedTablet } from './helpers/kiosk';
import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';

// The officer at the desk (OFFICER_RATINGS=1): staff choose them in the kiosk's staff panel, the
// attract screen names them, and the tablet's answers carry them, set by the server.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await startServerAndBrowser({ OFFICER_RATINGS: '1' });
});
afterAll(() => stopServerAndBrowser(server, browser));

describe('the officer at the desk', () => {
  test('staff choose the officer in the staff panel; the attract screen names them; an answer carries them', async () => {
    const made = await adminCli(
      server,
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
    await adminCli(server, 'officer', 'create', '--unit', 'SXD-QLXD', '--name', 'Trần Thị Bình');
    await adminCli(server, 'officer', 'create', '--unit', 'SXD-NHA', '--name', 'Lê Văn Cường');
    const gone = Number(
      /Officer (\d+)/.exec(
        await adminCli(server, 'officer', 'create', '--unit', 'SXD-QLXD', '--name', 'Phạm Đã Nghỉ'),
      )?.[1],
    );
    await adminCli(server, 'officer', 'disable', '--id', String(gone));
    const list = await adminCli(server, 'officer', 'list', '--unit', 'SXD-QLXD');
    expect(list).toMatch(/Nguyễn Văn An.*active/);
    expect(list).toMatch(/Phạm Đã Nghỉ.*disabled/);

    const { context, page, errors } = await pairedTablet(server, browser, 'TTHCC-Q01');
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
    await rateSatisfied(page);
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

  test('the receipt link names the officer who received the dossier; the hotline operator may name one', async () => {
    const officerId = Number(
      /Officer (\d+)/.exec(
        await adminCli(server, 'officer', 'create', '--unit', 'SXD-QLXD', '--name', 'Đỗ Thị Hoa'),
      )?.[1],
    );
    await adminCli(
      server,
      'user',
      'create',
      '--username',
      'tongdai2',
      '--role',
      'operator',
      '--password',
      'tong-dai-mat-khau-2026',
    );

    const context = await browser.newContext({ locale: 'vi-VN' });
    const { page, errors } = await openPage(context);
    // The phone page of a receipt link that names the officer (signed with the server's APP_SECRET).
    const dossier = 'H19.20-261203-0500';
    await page.goto(
      dossierUrl(server.url, 'e2e-secret-0123456789abcdef', { point: 'TTHCC-Q01', dossier, officer: officerId }),
    );
    await rateSatisfied(page);
    await expect
      .poll(() =>
        server.query<{ officer: number | null }>(
          'SELECT officer_id AS officer FROM responses WHERE dossier = ?',
          dossier,
        ),
      )
      .toEqual([{ officer: officerId }]);

    await signIn(page, server.url, 'tongdai2', 'tong-dai-mat-khau-2026', '/operator');
    await page.getByLabel('Quầy đã phục vụ người gọi (theo đơn vị)').selectOption('TTHCC-Q01');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    const select = page.getByLabel('Cán bộ đã phục vụ người gọi');
    await select.waitFor();
    // Only the desk unit's active officers.
    const offered = await select.locator('option').allInnerTexts();
    expect(offered).toContain('Đỗ Thị Hoa');
    expect(offered.join('|')).not.toMatch(/Lê Văn Cường|Phạm Đã Nghỉ/);
    await select.selectOption(String(officerId));
    await page.getByRole('button', { name: 'Bắt đầu nhập đánh giá' }).click();
    await page.locator('[data-name="satisfaction"]').getByText('Hài lòng', { exact: true }).click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'operator-officer');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('link', { name: 'Nhập cuộc gọi tiếp theo' }).waitFor();
    expect(
      server.query<{ officer: number | null }>(
        'SELECT officer_id AS officer FROM responses WHERE channel = ?',
        'hotline',
      ),
    ).toEqual([{ officer: officerId }]);
    await context.close();
    expect(errors).toEqual([]);
  }, 240_000);
});

describe('exports of officer figures', () => {
  test('the officers page offers the downloads to an admin only; a leader, who may view, sees none', async () => {
    const admin = { username: 'quantri.e2e', password: 'quan-tri-mat-khau-2026' };
    const leader = { username: 'lanhdao.e2e', password: 'lanh-dao-mat-khau-2026' };
    for (const [who, role] of [
      [admin, 'admin'],
      [leader, 'leader'],
    ] as const)
      await adminCli(server, 'user', 'create', '--username', who.username, '--role', role, '--password', who.password);

    const adminContext = await browser.newContext();
    const page = await adminContext.newPage();
    await signIn(page, server.url, admin.username, admin.password, '/dashboard/officers');
    const csv = page.getByRole('link', { name: 'Tải xếp hạng cán bộ (CSV)' });
    await expect.poll(() => csv.count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Tải xếp hạng cán bộ (Excel)' }).count()).toBe(1);
    await screenshot(page, 'officers-export-links');
    const file = await page.request.get(`${server.url}${await csv.getAttribute('href')}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect((await file.text()).replace(/^\uFEFF/, '').startsWith('Hạng,Mã,Tên')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await adminContext.close();

    const leaderContext = await browser.newContext();
    const leaderPage = await leaderContext.newPage();
    await signIn(leaderPage, server.url, leader.username, leader.password, '/dashboard/officers');
    await leaderPage.getByRole('heading', { name: /Đánh giá cán bộ/ }).waitFor();
    expect(await leaderPage.getByRole('link', { name: /Tải xếp hạng cán bộ/ }).count()).toBe(0);
    await leaderContext.close();
  }, 240_000);
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { closeDatabase, openSqlite } from '@/db';
import { createUser } from '@/db/queries/users';
import { hashPassword } from '@/server/secrets';

import { axeViolations, openPage, screenshot } from './helpers/browser';
import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';

// The department office's administrator runs the system from the browser: organisation,
// catalogue, surveys, accounts, and a look at who changed what.

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
const PASSWORD = 'quan tri vien e2e 2026';

beforeAll(async () => {
  [server, browser] = await startServerAndBrowser({ DEMO_USERS: '0' });
  const db = openSqlite(server.dbPath);
  try {
    await createUser(
      db,
      {
        username: 'admin',
        role: 'admin',
        unitId: null,
        passwordHash: await hashPassword(PASSWORD),
        displayName: 'Văn phòng Sở',
      },
      { userId: null, label: 'e2e' },
    );
  } finally {
    await closeDatabase(db);
  }
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
});
afterAll(async () => {
  await context?.close();
  await stopServerAndBrowser(server, browser);
});

// The QR image route serves the desk's poster image.
const ALLOW: RegExp[] = [];

async function visit(path: string, name: string, run: (page: Page) => Promise<void> = async () => {}) {
  const { page, errors } = await openPage(context, { allow: ALLOW });
  try {
    const res = await page.goto(`${server.url}${path}`);
    expect(res?.status(), path).toBe(200);
    await run(page);
    expect(await axeViolations(page), path).toEqual([]);
    await screenshot(page, name);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}

const unitId = (code: string) =>
  String(server.query<{ id: number }>('SELECT id FROM units WHERE code = ?', code)[0]!.id);
const submit = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

describe('an administrator', () => {
  test('anonymous visitors are sent to the login page', async () => {
    const res = await fetch(`${server.url}/admin/units`, { redirect: 'manual' });
    expect([303, 307, 308]).toContain(res.status);
    expect(res.headers.get('location')).toMatch(/\/login\?next=%2Fadmin%2Funits/);
  });

  test('signs in and lands on the overview', async () => {
    const { page, errors } = await openPage(context);
    await page.goto(`${server.url}/login?next=/admin`);
    await page.getByLabel('Tên đăng nhập / Username').fill('admin');
    await page.getByLabel('Mật khẩu / Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Quản trị hệ thống' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-home');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('creates a unit under the department, and a refused code is shown by its field', async () => {
    await visit('/admin/units', 'admin-units', async (page) => {
      await page.getByLabel('Mã đơn vị').fill('SXD-QLXD');
      await page.getByLabel('Tên đơn vị').fill('Trùng mã');
      await submit(page, 'Thêm đơn vị');
      await page.getByText('Mã này đã tồn tại / this code already exists').waitFor();
      // The typed values come back for correction.
      expect(await page.getByLabel('Tên đơn vị').inputValue()).toBe('Trùng mã');

      await page.getByLabel('Mã đơn vị').fill('sxd-e2e');
      await page.getByLabel('Tên đơn vị').fill('Phòng Chuyển đổi số');
      await page.getByLabel('Thuộc đơn vị').selectOption(unitId('SXD'));
      await submit(page, 'Thêm đơn vị');
      await page.getByText('Đã tạo đơn vị SXD-E2E.', { exact: false }).waitFor();
      await page.getByRole('link', { name: 'Phòng Chuyển đổi số' }).waitFor();
    });
    expect(server.query('SELECT code FROM units WHERE code = ?', 'SXD-E2E')).toHaveLength(1);
    await visit('/admin/units/SXD-E2E', 'admin-unit-edit');
  });

  test('creates a desk in the new unit with its surveys, and sees its QR and poster links', async () => {
    await visit('/admin/points', 'admin-points', async (page) => {
      await page.getByLabel('Mã quầy').fill('TTHCC-E2E');
      await page.getByLabel('Tên quầy').fill('Quầy số 9 – Chuyển đổi số');
      await page.getByLabel('Đơn vị').selectOption(unitId('SXD-E2E'));
      await page.getByLabel('Phiếu cho máy tính bảng').selectOption('sipas');
      await submit(page, 'Thêm quầy');
      await page.getByText('Đã tạo quầy TTHCC-E2E.', { exact: false }).waitFor();
      expect(await page.getByRole('link', { name: 'Áp phích quầy TTHCC-E2E' }).getAttribute('href')).toBe(
        '/admin/points/TTHCC-E2E/poster',
      );
      expect(await page.getByRole('link', { name: 'Mã QR quầy TTHCC-E2E' }).getAttribute('href')).toBe(
        '/api/qr/TTHCC-E2E.svg',
      );
    });
    expect(server.query('SELECT phone_survey, kiosk_survey FROM service_points WHERE code = ?', 'TTHCC-E2E')).toEqual([
      { phone_survey: 'quick', kiosk_survey: 'sipas' },
    ]);
    // The desk takes only the quick rating: narrowed from the default (every shipped survey).
    await visit('/admin/points/TTHCC-E2E', 'admin-point-edit', async (page) => {
      await page.getByLabel('Phiếu quầy nhận đánh giá').fill('quick');
      await submit(page, 'Lưu quầy');
      await page.getByText('Đã lưu quầy.', { exact: false }).waitFor();
    });
    expect(server.query('SELECT offered_surveys FROM service_points WHERE code = ?', 'TTHCC-E2E')).toEqual([
      { offered_surveys: 'quick' },
    ]);
  });

  test('imports a procedures CSV with one bad row: sees the row error, nothing is imported', async () => {
    const before = server.query<{ n: number }>('SELECT count(*) AS n FROM procedures')[0]!.n;
    await visit('/admin/procedures', 'admin-procedures-import-error', async (page) => {
      await page
        .getByLabel('Hoặc dán nội dung CSV')
        .fill('code,name,sector,level\n9.900001,Thủ tục thử nghiệm,Khác,tỉnh\n9.900002,,Khác,tỉnh\n');
      await submit(page, 'Nhập danh mục');
      const table = page.getByRole('table', { name: 'Lỗi theo dòng / Errors by row' });
      await table.waitFor();
      expect(await table.getByRole('row').nth(1).innerText()).toMatch(/^3\s+Tên thủ tục: cần nhập tên thủ tục/);
      expect(await page.getByLabel('Hoặc dán nội dung CSV').inputValue()).toMatch(/^code,name,sector,level\n9\.900001/);
    });
    expect(server.query<{ n: number }>('SELECT count(*) AS n FROM procedures')[0]!.n).toBe(before);
    await visit('/admin/procedures?q=giấy phép&page=1', 'admin-procedures-search', async (page) => {
      expect(await page.getByRole('row').count()).toBeGreaterThan(1);
    });
    await visit('/admin/procedures/1.013225', 'admin-procedure-edit');
  });

  test('uploads a broken survey and sees where the error is; previews a stored version', async () => {
    await visit('/admin/surveys', 'admin-surveys-upload-error', async (page) => {
      const broken = {
        title: 'Phiếu lỗi',
        pages: [{ name: 'p1', elements: [{ type: 'rating', name: 'q1', title: 'Q', rateMin: 5, rateMax: 1 }] }],
      };
      await page.getByLabel('Mã phiếu', { exact: true }).fill('phieu-loi');
      await page.getByLabel('Hoặc dán JSON').fill(JSON.stringify(broken, null, 2));
      await submit(page, 'Kiểm tra và lưu');
      await page.getByText(/^pages\[0\]\.elements\[0\]\.rateMax: /).waitFor();
      // The pasted JSON stays in the box, marked invalid, ready to be fixed.
      const box = page.getByLabel('Hoặc dán JSON');
      expect(JSON.parse(await box.inputValue())).toEqual(broken);
      expect(await box.getAttribute('aria-invalid')).toBe('true');
    });
    expect(server.query('SELECT slug FROM surveys WHERE slug = ?', 'phieu-loi')).toHaveLength(0);
    await visit('/admin/surveys/quick', 'admin-survey-versions');
    await visit('/admin/surveys/quick/1', 'admin-survey-preview', async (page) => {
      await page.locator('[data-name="satisfaction"]').waitFor();
    });
  });

  test('manages accounts and API tokens', async () => {
    await visit('/admin/users', 'admin-users', async (page) => {
      await page.getByLabel('Tên đăng nhập').fill('lanh.dao');
      await page.getByLabel('Vai trò').selectOption('leader');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('mot mat khau du dai');
      await page.getByLabel('Nhập lại mật khẩu').fill('mot mat khau du dai');
      await submit(page, 'Tạo tài khoản');
      await page.getByText('Đã tạo tài khoản lanh.dao.', { exact: false }).waitFor();
    });
    const { id } = server.query<{ id: number }>('SELECT id FROM users WHERE username = ?', 'lanh.dao')[0]!;
    await visit(`/admin/users/${id}`, 'admin-user-edit');
    await visit('/admin/tokens', 'admin-tokens', async (page) => {
      await page.getByLabel('Tên (hệ thống sẽ dùng khóa)').fill('Cổng dịch vụ công');
      await submit(page, 'Tạo khóa');
      const secret = await page.getByLabel('Mã bí mật, chỉ hiện một lần / secret, shown once').innerText();
      expect(secret).toMatch(/^hl_[\w-]{40,}$/);
      const res = await fetch(`${server.url}/api/surveys/quick`, { headers: { authorization: `Bearer ${secret}` } });
      expect(res.status).toBe(200);
    });
  });

  test('adds a kiosk tablet and gets its pairing link as text and QR code', async () => {
    await visit('/admin/devices', 'admin-devices', async (page) => {
      await page.getByLabel('Quầy').selectOption('TTHCC-Q01');
      await page.getByLabel(/Mã PIN nhân viên/).fill('12');
      await submit(page, 'Tạo máy và liên kết kết nối');
      await page.getByText('Mã PIN gồm 4–8 chữ số', { exact: false }).first().waitFor();
      expect(server.query('SELECT id FROM devices')).toEqual([]);
      await page.getByLabel(/Mã PIN nhân viên/).fill('2468');
      await submit(page, 'Tạo máy và liên kết kết nối');
      const link = await page.getByLabel('Mã bí mật, chỉ hiện một lần / secret, shown once').innerText();
      expect(link).toMatch(new RegExp(`/pair/[\\w-]{40,}$`));
      await page.getByRole('img', { name: /Mã QR của liên kết kết nối/ }).waitFor();
      expect(await page.getByRole('cell', { name: 'Chờ kết nối' }).count()).toBe(1);
    });
  });

  test('a leader signing in is kept out of the admin pages', async () => {
    const leader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page, errors } = await openPage(leader);
      await page.goto(`${server.url}/login?next=/admin/users`);
      await page.getByLabel('Tên đăng nhập / Username').fill('lanh.dao');
      await page.getByLabel('Mật khẩu / Password').fill('mot mat khau du dai');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { name: 'Bạn không có quyền xem trang này' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/forbidden');
      expect(errors).toEqual([]);
    } finally {
      await leader.close();
    }
  });

  test('sees every change in the audit log, and filters it', async () => {
    await visit('/admin/audit', 'admin-audit', async (page) => {
      for (const action of ['unit.create', 'point.create', 'user.create', 'token.create', 'login']) {
        await page.getByRole('cell', { name: action, exact: true }).first().waitFor();
      }
    });
    await visit('/admin/audit?action=unit&actor=admin', 'admin-audit-filtered', async (page) => {
      const actions = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
      expect(actions).toEqual(['unit.create']);
      expect(await page.getByRole('cell', { name: /code: "SXD-E2E"/ }).count()).toBe(1);
    });
  });
});

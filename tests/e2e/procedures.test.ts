import { spawn } from 'node:child_process';

import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { procedureHeaders } from '@/lib/procedures/columns';
import { foldVietnamese } from '@/lib/text/fold';

import { axeViolations, launchBrowser, openPage, screenshot } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

// Citizens look procedures up on the desk's tablet and on their phones; the office replaces the
// catalogue from the national database's spreadsheet.

const IDLE_SECONDS = 6;
const TABLET = { viewport: { width: 800, height: 1280 }, deviceScaleFactor: 1, hasTouch: true, locale: 'vi-VN' };

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ KIOSK_IDLE_SECONDS: String(IDLE_SECONDS), KIOSK_THANKS_SECONDS: '2' }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

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

async function pairedTablet(point: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const out = await admin('device', 'create', '--point', point, '--pin', '2468');
  const link = out.trim().split('\n').at(-1)!;
  const context = await browser.newContext(TABLET);
  const { page, errors } = await openPage(context);
  await page.goto(link);
  await page.getByRole('button', { name: 'Kết nối máy này' }).click();
  await page.waitForURL(`${server.url}/kiosk`);
  await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor();
  return { context, page, errors };
}

function decodeDataUrl(src: string): string | null {
  const png = PNG.sync.read(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

const results = (page: Page) => page.locator('.kiosk-lookup__list button');

describe('looking a procedure up', () => {
  test('on the kiosk: search without diacritics, the detail with time, fees, documents and a QR of the online service, then rate it', async () => {
    const { context, page, errors } = await pairedTablet('TTHCC-Q01');
    const lookup = page.getByRole('button', { name: 'Tra cứu thủ tục' });
    expect((await lookup.boundingBox())!.height).toBeGreaterThanOrEqual(64);
    await screenshot(page, 'kiosk-attract-lookup');
    await lookup.click();
    await page.getByRole('heading', { name: 'Tra cứu thủ tục hành chính' }).waitFor();
    // Typed on the on-screen keyboard, no diacritics.
    for (const key of 'giay phep xay dung')
      await page
        .locator('.kiosk-keyboard button')
        .filter({ hasText: new RegExp(`^${key === ' ' ? '␣' : key}$`) })
        .click();
    expect(await page.getByRole('searchbox').inputValue()).toBe('giay phep xay dung');
    await results(page).first().waitFor();
    const names = await page.locator('.kiosk-lookup__name').allInnerTexts();
    expect(names.length).toBeGreaterThan(1);
    // Every word, in any order, in the name or the sector: "giấy phép di dời" (sector "Hoạt động xây dựng") too.
    const shown = await results(page).allInnerTexts();
    expect(shown.every((n) => ['giay', 'phep', 'xay', 'dung'].every((w) => foldVietnamese(n).includes(w)))).toBe(true);
    expect(names).toContain('Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ');
    // This desk's procedures come first.
    expect(await results(page).first().innerText()).toMatch(/Tại quầy này/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-lookup-search');

    // One this desk handles: only those can be rated here.
    const target = results(page)
      .filter({ hasText: 'Tại quầy này' })
      .filter({ hasText: 'Cấp giấy phép xây dựng mới' })
      .first();
    const code = /(\d\.\d{6})/.exec(await target.innerText())![1]!;
    await target.click();
    await page.getByRole('heading', { name: /^Cấp giấy phép xây dựng mới/ }).waitFor();
    expect(await page.getByTestId('procedure-time').innerText()).toMatch(/ngày/);
    expect(await page.getByTestId('procedure-fees').innerText()).toMatch(/đồng/);
    expect(await page.getByTestId('procedure-documents').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByText('Dữ liệu minh họa').first().isVisible()).toBe(true);
    // Time and fees come before the documents.
    const y = async (testId: string) => (await page.getByTestId(testId).boundingBox())!.y;
    expect(await y('procedure-time')).toBeLessThan(await y('procedure-documents'));
    const qr = page.getByTestId('procedure-qr');
    await qr.waitFor();
    const online = server.query<{ record: string }>(
      'SELECT v.record FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id WHERE p.code = ? ORDER BY v.version DESC LIMIT 1',
      code,
    )[0]!;
    expect(decodeDataUrl((await qr.getAttribute('src'))!)).toBe(
      (JSON.parse(online.record) as { onlineUrl: string }).onlineUrl,
    );
    expect(await page.locator('a[href]').count()).toBe(0); // nothing leads a citizen away
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-lookup-detail');

    await page.getByRole('button', { name: 'Đánh giá thủ tục này' }).click();
    await page
      .locator('[data-name="satisfaction"] .sd-item')
      .filter({ hasText: /^Hài lòng$/ })
      .click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    await expect
      .poll(
        () =>
          server.query<{ code: string }>(
            "SELECT p.code FROM responses r JOIN procedures p ON p.id = r.procedure_id WHERE r.channel = 'kiosk'",
          ),
        { timeout: 15_000 },
      )
      .toEqual([{ code }]);
    await context.close();
    expect(errors).toEqual([]);
  });

  test('on the kiosk: the lookup returns to the attract screen when left idle', async () => {
    const { context, page, errors } = await pairedTablet('TTHCC-Q02');
    await page.getByRole('button', { name: 'Tra cứu thủ tục' }).click();
    await page.getByRole('heading', { name: 'Tra cứu thủ tục hành chính' }).waitFor();
    await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor({ timeout: (IDLE_SECONDS + 5) * 1000 });
    await context.close();
    expect(errors).toEqual([]);
  });

  test('on a phone: /thu-tuc?q=giay+phep lists it; its page is printable and says its details are illustrative', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const { page, errors } = await openPage(context);
    await page.goto(`${server.url}/thu-tuc?q=giay+phep`);
    const link = page.getByRole('link', {
      name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ',
    });
    await link.waitFor();
    expect(await page.getByRole('link', { name: /chứng chỉ hành nghề/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'thu-tuc-search');
    await link.click();
    await page.waitForURL(`${server.url}/thu-tuc/1.013225`);
    await page.getByText('Dữ liệu minh họa').first().waitFor();
    expect(await page.getByTestId('procedure-time').innerText()).toMatch(/ngày/);
    expect(await page.getByRole('button', { name: 'In trang này' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'thu-tuc-detail');
    await context.close();
    expect(errors).toEqual([]);

    const res = await fetch(
      `${server.url}/api/procedures?q=${encodeURIComponent('giấy phép xây dựng')}&point=TTHCC-Q01`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public/);
    const body = (await res.json()) as { procedures: { code: string; points: string[]; illustrative: boolean }[] };
    expect(body.procedures.length).toBeGreaterThan(0);
    expect(body.procedures.every((p) => p.points.includes('TTHCC-Q01') && p.illustrative)).toBe(true);
  });

  test('an import of a 100-procedure XLSX replaces the catalogue in one transaction; a broken row refuses the whole file with its line', async () => {
    const workbook = async (broken: boolean) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('TTHC');
      sheet.addRow(procedureHeaders());
      for (let i = 1; i <= 100; i++) {
        const code = `1.${String(900000 + i)}`;
        const name = broken && i === 56 ? '' : `Thủ tục nhập thử số ${i}`;
        sheet.addRow([
          code,
          name,
          'Hoạt động xây dựng',
          'tỉnh',
          'Sở Xây dựng',
          '15 ngày',
          'Không thu phí',
          `Đơn đề nghị (Bản chính: 1, Bản sao: 0)\nBản vẽ`,
          '01 bộ',
          'Nộp\nNhận',
        ]);
      }
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const { page, errors } = await openPage(context);
    await page.goto(`${server.url}/login?next=/admin/procedures`);
    await page.getByLabel('Tên đăng nhập / Username').fill('admin');
    await page.getByLabel('Mật khẩu / Password').fill('demo-admin-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Thủ tục hành chính' }).waitFor();

    const versionsBefore = server.query<{ n: number }>('SELECT count(*) AS n FROM procedure_versions')[0]!.n;
    await page.getByLabel('Tệp CSV (UTF-8) hoặc Excel (.xlsx)').setInputFiles({
      name: 'tthc.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook(true),
    });
    await page.getByRole('button', { name: 'Nhập danh mục', exact: true }).click();
    const table = page.getByRole('table', { name: 'Lỗi theo dòng / Errors by row' });
    await table.waitFor();
    // Row 56 of the data is the sheet's line 57 (line 1 is the header).
    expect(await table.getByRole('row').nth(1).innerText()).toMatch(/^57\s+Tên thủ tục: cần nhập/);
    expect(await table.getByRole('row').count()).toBe(2);
    expect(server.query<{ n: number }>('SELECT count(*) AS n FROM procedure_versions')[0]!.n).toBe(versionsBefore);
    expect(server.query<{ n: number }>("SELECT count(*) AS n FROM procedures WHERE code LIKE '1.9%'")[0]!.n).toBe(0);
    await screenshot(page, 'admin-procedures-xlsx-error');

    await page.getByLabel('Tệp CSV (UTF-8) hoặc Excel (.xlsx)').setInputFiles({
      name: 'tthc.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook(false),
    });
    await page.getByRole('button', { name: 'Nhập danh mục', exact: true }).click();
    await page.getByText(/Đã nhập 100 thủ tục: 100 mới, 0 cập nhật, 0 không đổi, 28 ngừng áp dụng/).waitFor();
    const active = server.query<{ code: string }>('SELECT code FROM procedures WHERE active = 1 ORDER BY code');
    expect(active).toHaveLength(100);
    expect(active.every((p) => p.code.startsWith('1.9'))).toBe(true);
    const imported = server.query<{ record: string; illustrative: number }>(
      "SELECT v.record, v.illustrative FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id WHERE p.code = '1.900001'",
    )[0]!;
    expect(JSON.parse(imported.record)).toMatchObject({
      documents: [{ name: 'Đơn đề nghị', originals: 1, copies: 0 }, { name: 'Bản vẽ' }],
      steps: ['Nộp', 'Nhận'],
    });
    expect(imported.illustrative).toBe(0);
    await screenshot(page, 'admin-procedures-xlsx-imported');
    await context.close();
    expect(errors).toEqual([]);

    // The public search now finds only the imported catalogue.
    const res = await fetch(`${server.url}/api/procedures?q=nhap+thu`);
    expect(((await res.json()) as { count: number }).count).toBe(100);
  });
});

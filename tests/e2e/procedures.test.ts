import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { procedureHeaders, readProcedureCsv } from '@/lib/procedures/columns';
import { foldVietnamese } from '@/lib/text/fold';

import { axeViolations, openPage, rateSatisfied, screenshot, signIn as signInAt } from './helpers/browser';
import { pairedTablet as pair, readyForOffline } from './helpers/kiosk';
import { decodeQrDataUrl } from './helpers/qr';
import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';

// Citizens look procedures up on the desk's tablet and on their phones; the office replaces the
// catalogue from the national database's spreadsheet.

const IDLE_SECONDS = 6;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await startServerAndBrowser({
    KIOSK_IDLE_SECONDS: String(IDLE_SECONDS),
    KIOSK_THANKS_SECONDS: '2',
  });
});
afterAll(() => stopServerAndBrowser(server, browser));

const pairedTablet = (point: string, allow: RegExp[] = []) => pair(server, browser, point, { allow });
// What a tablet with its network cut logs: its heartbeat and the page's own refresh fail.
const OFFLINE = [/ERR_INTERNET_DISCONNECTED/, /Failed to fetch/];

const signIn = (page: Page, username: string, password: string, next: string) =>
  signInAt(page, server.url, username, password, next);

/** Types on the lookup's on-screen keyboard. */
async function type(page: Page, text: string) {
  for (const key of text)
    await page
      .locator('.kiosk-keyboard button')
      .filter({ hasText: new RegExp(`^${key === ' ' ? '␣' : key}$`) })
      .click();
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
    await type(page, 'giay phep xay dung');
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
    expect(decodeQrDataUrl((await qr.getAttribute('src'))!)).toBe(
      (JSON.parse(online.record) as { onlineUrl: string }).onlineUrl,
    );
    expect(await page.locator('a[href]').count()).toBe(0); // nothing leads a citizen away
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-lookup-detail');

    await page.getByRole('button', { name: 'Đánh giá thủ tục này' }).click();
    await rateSatisfied(page);
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

  test('on the kiosk with the network cut: the catalogue kept with the page is searched and a detail opens, even after a reload', async () => {
    const { context, page, errors } = await pairedTablet('TTHCC-Q03', OFFLINE);
    page.setDefaultTimeout(20_000);
    // The service worker takes control; the attract screen then fetches the lookup's chunk a few
    // seconds later and keeps its files.
    await readyForOffline(page);

    await context.setOffline(true);
    const lookUp = async (words: string) => {
      await page.getByRole('button', { name: 'Tra cứu thủ tục' }).click();
      await page.getByRole('heading', { name: 'Tra cứu thủ tục hành chính' }).waitFor();
      await type(page, words);
      await results(page).first().waitFor();
    };
    await lookUp('bat dong san');
    expect(await results(page).first().innerText()).toMatch(/Tại quầy này/);
    await results(page).first().click();
    await page.getByTestId('procedure-time').waitFor();
    expect(await page.getByTestId('procedure-fees').innerText()).not.toBe('');
    await page.getByRole('button', { name: 'Về màn hình chính' }).click();

    // A tablet restarted with no network starts from what it kept, catalogue included.
    await page.reload();
    await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor();
    await lookUp('giay phep xay dung');
    await results(page).filter({ hasText: 'Cấp giấy phép xây dựng mới' }).first().click();
    await page.getByRole('heading', { name: /^Cấp giấy phép xây dựng mới/ }).waitFor();
    expect(await page.getByTestId('procedure-time').innerText()).toMatch(/ngày/);
    expect(await page.getByTestId('procedure-fees').innerText()).toMatch(/đồng/);
    expect(await page.getByTestId('procedure-documents').locator('li').count()).toBeGreaterThan(0);
    expect(decodeQrDataUrl((await page.getByTestId('procedure-qr').getAttribute('src'))!)).toMatch(/^https:\/\//);
    await screenshot(page, 'kiosk-lookup-offline');
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await context.close();
    expect(errors).toEqual([]);
  }, 120_000);

  test('on a phone: /thu-tuc?q=giay+phep lists it; its page is printable and says its details are illustrative', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const { page, errors } = await openPage(context);
    await page.goto(`${server.url}/thu-tuc?q=giay+phep`);
    const link = page.getByRole('link', {
      name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ',
    });
    await link.waitFor();
    expect(await page.getByRole('link', { name: /chứng chỉ hành nghề/ }).count()).toBe(0);
    // Its own styles on a first visit: nothing wider than the phone, code and sector under the name.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(
      await page
        .locator('.procedure-list__meta')
        .first()
        .evaluate((e) => getComputedStyle(e).display),
    ).toBe('block');
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

  test('in English: translated records read in English; what the catalogue has only in Vietnamese says so', async () => {
    const { context, page, errors } = await pairedTablet('TTHCC-Q01');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Look up a procedure' }).click();
    await page.getByRole('heading', { name: 'Administrative procedures' }).waitFor();
    await type(page, 'construction permit'); // English names are searched too
    const permit = results(page).filter({ hasText: 'Issuing a new construction permit for special-grade' });
    expect(await permit.innerText()).toMatch(/At this desk/);
    await permit.click();
    await page
      .getByRole('heading', { name: 'Issuing a new construction permit for special-grade, grade I and grade II works' })
      .waitFor();
    expect(await page.getByTestId('procedure-time').innerText()).toBe(
      '20 days from receipt of a complete, valid dossier',
    );
    expect(await page.getByTestId('procedure-fees').innerText()).toMatch(/150,000 VND/);
    expect(await page.getByTestId('procedure-documents').locator('li').first().innerText()).toBe(
      'Application for a construction permit (Originals: 1, Copies: 0)',
    );
    // Legal texts keep their Vietnamese titles, marked so; the record as a whole is in English.
    expect(await page.getByText('(tiếng Việt · Vietnamese only)').count()).toBe(2);
    expect(await page.getByTestId('procedure-vietnamese-only').count()).toBe(0);
    expect(await page.getByText('Illustrative data').first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-lookup-detail-en');

    // A record with no English at all: in Vietnamese, with one note saying so.
    await page.getByRole('button', { name: '← All procedures' }).click();
    await page.locator('.kiosk-keyboard button').filter({ hasText: /^×$/ }).click();
    await type(page, 'bat dong san');
    await results(page).filter({ hasText: '1.012906' }).click();
    await page.getByRole('heading', { name: 'Cấp mới chứng chỉ hành nghề môi giới bất động sản' }).waitFor();
    expect(await page.getByTestId('procedure-vietnamese-only').innerText()).toBe(
      'The details of this procedure are in Vietnamese only. (tiếng Việt)',
    );
    expect(await page.getByTestId('procedure-time').innerText()).toMatch(/ngày làm việc/);
    expect(await page.getByTestId('procedure-time').locator('[lang="vi"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-lookup-detail-vietnamese-only');
    await context.close();
    expect(errors).toEqual([]);

    // On a phone: a record translated in part marks each field left in Vietnamese.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    const web = await openPage(phone);
    await web.page.goto(`${server.url}/thu-tuc/1.013237?lang=en`);
    await web.page.getByRole('heading', { name: 'Issuing a new construction practising certificate' }).waitFor();
    expect(await web.page.getByTestId('procedure-time').innerText()).toBe(
      '15 working days from receipt of a complete, valid dossier',
    );
    const steps = web.page.getByRole('heading', { name: /^Steps/ });
    expect(await steps.innerText()).toBe('Steps (tiếng Việt · Vietnamese only)');
    expect(await web.page.getByTestId('procedure-documents').getAttribute('lang')).toBe('vi');
    expect(await web.page.title()).toBe('Issuing a new construction practising certificate · Hài Lòng');
    expect(await axeViolations(web.page)).toEqual([]);
    await screenshot(web.page, 'thu-tuc-detail-en');
    await web.page.goto(`${server.url}/thu-tuc?q=construction+permit&lang=en`);
    await web.page
      .getByRole('link', { name: 'Issuing a new construction permit for grade III and IV works and detached houses' })
      .waitFor();
    await phone.close();
    expect(web.errors).toEqual([]);
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
    await signIn(page, 'admin', 'demo-admin-2026', '/admin/procedures');
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

  test('GET /api/exports/procedures over HTTP: the catalogue as CSV or XLSX for an administrator, 401 / 403 for anyone else', async () => {
    const cookieOf = async (username: string, password: string, next: string) => {
      const context = await browser.newContext({ locale: 'vi-VN' });
      await signIn(await context.newPage(), username, password, next);
      const session = (await context.cookies()).find((c) => c.name === 'hl_session')!;
      await context.close();
      return `hl_session=${session.value}`;
    };
    const admin = await cookieOf('admin', 'demo-admin-2026', '/admin/procedures');
    const leader = await cookieOf('lanhdao', 'demo-lanhdao-2026', '/dashboard');
    const get = (query: string, cookie?: string) =>
      fetch(`${server.url}/api/exports/procedures${query}`, { headers: cookie ? { cookie } : {} });

    const csv = await get('?format=csv', admin);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="thu-tuc-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers.get('cache-control')).toMatch(/no-store/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, so Excel reads Vietnamese
    const text = new TextDecoder().decode(bytes);
    const read = readProcedureCsv(text);
    expect(read.ok && read.table.header).toEqual(procedureHeaders());
    const active = server.query<{ n: number }>('SELECT count(*) AS n FROM procedures WHERE active = 1')[0]!.n;
    expect(read.ok && read.table.rows.length).toBe(active);

    const xlsx = await get('', admin);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, ...procedureHeaders()]);

    expect((await get('?format=pdf', admin)).status).toBe(400);
    for (const [cookie, status] of [
      [undefined, 401],
      [leader, 403],
    ] as const) {
      const res = await get('?format=csv', cookie);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/\w/);
    }
  });
});

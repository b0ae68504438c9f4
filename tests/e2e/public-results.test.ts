import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { axeViolations, openPage, screenshot } from './helpers/browser';
import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';
import { addThinUnit } from './helpers/thin-unit';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await startServerAndBrowser({ DEMO_RESPONSES: '3000' });
}, 180_000);
afterAll(() => stopServerAndBrowser(server, browser));

test('/ket-qua on a phone: indices, ranking, trend and cases, no comment anywhere, accessible, in both languages', async () => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  });
  try {
    const thin = await addThinUnit(server);
    const { page, errors } = await openPage(context);
    const res = await page.goto(`${server.url}/ket-qua`);
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { name: /Chỉ số hài lòng chung/ }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/\d+,\d{2}\s%/); // a no-break space keeps the number and its % together
    expect(text).toContain('Xu hướng 4 quý gần nhất');
    // The running quarter says so; the benchmark is stated; units are named only from verdicts.
    expect(text).toContain('Quý này chưa kết thúc: số liệu là tạm tính');
    expect(text).toContain('Mốc so sánh: SIPAS toàn quốc 2024 83,94\u00a0%');
    expect(text).not.toContain('cần cải thiện');
    const named = await page.getByTestId('verdicts').count();
    if (named === 0) expect(text).toContain('Chưa đơn vị nào khác biệt rõ so với mốc so sánh');
    else expect(await page.getByTestId('verdicts').innerText()).toMatch(/Đơn vị (làm tốt|chưa tốt)/);
    // Two respondents: named as not enough data, with no figure and in no verdict.
    const thinRow = page.locator('tr', { hasText: thin.name });
    expect(await thinRow.innerText()).toMatch(/Chưa đủ dữ liệu để công bố \(n = 2\)/);
    expect(await thinRow.innerText()).not.toMatch(/%/);
    if (named > 0) expect(await page.getByTestId('verdicts').innerText()).not.toContain(thin.name);

    const api = await (await fetch(`${server.url}/api/public-results?survey=sipas`)).json();
    expect(Object.keys(api)).toEqual([
      'quarter',
      'survey',
      'provisional',
      'benchmark',
      'overall',
      'units',
      'suppressed',
      'cases',
    ]);
    expect(api.provisional).toBe(true);
    expect(api.suppressed).toContainEqual({ code: thin.code, name: thin.name, responses: 2 });
    expect(api.units.map((u: { code: string }) => u.code)).not.toContain(thin.code);

    const comments = server
      .query<{ c: string }>(
        "SELECT json_extract(answers, '$.comment') AS c FROM responses WHERE json_extract(answers, '$.comment') IS NOT NULL LIMIT 200",
      )
      .map((r) => r.c)
      .filter((c) => c.length > 12);
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) expect(text).not.toContain(c);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'public-results-phone');

    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: /Overall satisfaction index/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

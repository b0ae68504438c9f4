import { chromium } from 'playwright-core';
const [base, path, width, ...sections] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 1000 } });
const page = await ctx.newPage();
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
await page.goto(`${base}/login?next=${encodeURIComponent(path!)}`);
await page.fill('input[name=username]', 'lanhdao');
await page.fill('input[name=password]', 'lanh-dao-mat-khau-2026');
await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')]);
await page.waitForTimeout(1200);
let i = 0;
for (const s of sections) {
  if (s !== 'top') await page.locator(s).first().scrollIntoViewIfNeeded();
  if (s !== 'top') await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView(), s);
  await page.screenshot({ path: `/tmp/sec-${width}-${i++}.png` });
}
await browser.close();

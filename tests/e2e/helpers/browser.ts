import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const SCREENSHOTS = 'test-results/screenshots';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export type WatchedPage = { page: Page; errors: string[] };

/** A page whose console errors and uncaught exceptions are collected, so a test can fail on them. */
export async function openPage(
  context: BrowserContext,
  { allow = [] }: { allow?: RegExp[] } = {},
): Promise<WatchedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    const text = `${msg.text()} ${msg.location().url ?? ''}`.trim();
    if (msg.type() === 'error' && !allow.some((re) => re.test(text))) errors.push(text);
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { page, errors };
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) and returns the violations, readable in a diff. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Next streams a dynamic page's metadata: let the title arrive before judging the document.
  await page.waitForLoadState('load');
  await page.waitForFunction(() => document.title !== '', undefined, { timeout: 5_000 }).catch(() => undefined);
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** `fullPage: false` shows what is on screen without scrolling (fixed bars where they sit). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage });
}

/** Signs in through the login page of the server at `baseUrl`, which then opens `next`. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string, next: string) {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Tên đăng nhập / Username').fill(username);
  await page.getByLabel('Mật khẩu / Password').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/** SurveyJS has taken over from the server-rendered first page of `/s/[point]`. */
export const surveyJs = (page: Page) => page.locator('.sd-root-modern').first().waitFor();

/**
 * A question as the citizen sees it. While SurveyJS lays itself out, hidden, under the
 * server-rendered first page, the page holds the question twice: this is the visible one.
 */
export const question = (page: Page, name: string) => page.locator(`[data-name="${name}"]`).filter({ visible: true });

/** Taps the choice labelled `label` of question `name`, on whichever form is showing it. */
export const choose = (page: Page, name: string, label: string) =>
  question(page, name).getByText(label, { exact: true }).click();

/** Rates the quick survey "Hài lòng" in the SurveyJS runner, sends it and waits for the thank-you. */
export async function rateSatisfied(page: Page): Promise<void> {
  await page
    .locator('[data-name="satisfaction"] .sd-item')
    .filter({ hasText: /^Hài lòng$/ })
    .click();
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
}

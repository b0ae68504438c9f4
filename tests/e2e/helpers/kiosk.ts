import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

import { adminCli } from './admin-cli';
import { openPage } from './browser';
import type { TestServer } from './server';

/** The tablet on a stand at a reception desk. */
export const TABLET = { viewport: { width: 800, height: 1280 }, deviceScaleFactor: 1, hasTouch: true, locale: 'vi-VN' };

/** A device created by an administrator for a desk: its id and its one-time pairing link. */
export async function createDevice(server: TestServer, point: string): Promise<{ id: number; link: string }> {
  const out = await adminCli(server, 'device', 'create', '--point', point, '--pin', '2468');
  const id = Number(/Device (\d+)/.exec(out)?.[1]);
  const link = out.trim().split('\n').at(-1)!;
  expect(link).toMatch(new RegExp(`^${server.url}/pair/[A-Za-z0-9_-]{40,}$`));
  return { id, link };
}

export type Tablet = { context: BrowserContext; page: Page; errors: string[]; deviceId: number };

/**
 * A tablet paired through the admin's one-time link, showing the attract screen. `allow` lists
 * console errors expected (offline runs); `init` runs in every page before its own scripts.
 */
export async function pairedTablet(
  server: TestServer,
  browser: Browser,
  point: string,
  { allow = [], init }: { allow?: RegExp[]; init?: () => void } = {},
): Promise<Tablet> {
  const { id, link } = await createDevice(server, point);
  const context = await browser.newContext(TABLET);
  if (init) await context.addInitScript(init);
  const { page, errors } = await openPage(context, { allow });
  await page.goto(link);
  await page.getByRole('button', { name: 'Kết nối máy này' }).click();
  await page.waitForURL(`${server.url}/kiosk`);
  await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor();
  return { context, page, errors, deviceId: id };
}

/**
 * Brings a freshly paired tablet to where a cut network loses nothing: its service worker controls
 * the page (after a reload), and its cache keeps all the page loaded, the lookup mode's files
 * included (fetched a few seconds after the attract screen shows;
 * app/kiosk/_components/lookup/LookupMode.tsx).
 */
export async function readyForOffline(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const cache = await caches.open('hailong-kiosk-v1');
          const kept = await cache.keys();
          const loaded = performance
            .getEntriesByType('resource')
            .map((e) => e.name.split('#')[0]!)
            .filter((u) => u.includes('/_next/static/'));
          const keptUrls = new Set(kept.map((r) => r.url));
          let lookupStyles = false;
          for (const r of kept)
            if (r.url.endsWith('.css') && (await (await cache.match(r))!.text()).includes('.kiosk-lookup__list'))
              lookupStyles = true;
          return { lookupStyles, missing: loaded.filter((u) => !keptUrls.has(u)) };
        }),
      { timeout: 30_000, interval: 500 },
    )
    .toEqual({ lookupStyles: true, missing: [] });
}

/** Staff open their panel the way they do at the desk: a long press (3 s) in the top-left corner. */
export async function openStaff(page: Page): Promise<void> {
  await page.mouse.move(20, 20);
  await page.mouse.down();
  await page.waitForTimeout(3_300);
  await page.mouse.up();
  await page.getByRole('dialog', { name: 'Dành cho cán bộ' }).waitFor();
}

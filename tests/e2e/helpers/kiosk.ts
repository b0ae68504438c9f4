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

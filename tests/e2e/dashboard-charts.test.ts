import { mkdirSync } from 'node:fs';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { openPage, SCREENSHOTS } from './helpers/browser';
import { createLeader, signInLeader } from './helpers/leader';
import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';

// A director reads the dashboard's charts without opening their data tables: every bar carries
// its value, every label is whole, the channel doughnut its shares, the rankings their intervals
// and the benchmarks. The charts' plugins record what they drew on the canvas
// (app/dashboard/_components/chart-plugins.ts); this compares it with the data tables.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await startServerAndBrowser({
    DEMO_RESPONSES: '4000',
    DEMO_USERS: '0',
    SATISFACTION_TARGET: '90',
  });
  createLeader(server);
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(() => stopServerAndBrowser(server, browser));

const signIn = (page: Page, next: string) => signInLeader(page, server, next);

type Drawn = { labels: string[]; drawn: (string | null)[]; fit: boolean; whiskers: number };

/** What each chart of a container drew: its axis labels (lines joined), the values written, whether the labels fit. */
async function drawnIn(page: Page, selector: string): Promise<Drawn[]> {
  return page.locator(`${selector} canvas`).evaluateAll((canvases) =>
    canvases.map((c) => {
      const d = (c as HTMLCanvasElement).dataset;
      return {
        labels: (JSON.parse(d.labels ?? '[]') as string[][]).map((lines) => lines.join(' ')),
        drawn: JSON.parse(d.drawn ?? '[]') as (string | null)[],
        fit: d.labelsFit === 'true',
        whiskers: Number(d.whiskers ?? 0),
      };
    }),
  );
}

/** A table column as text, whitespace collapsed (the tables sit in closed disclosures). */
async function column(page: Page, selector: string, cell: string): Promise<string[]> {
  return page
    .locator(`${selector} tbody tr ${cell}`)
    .evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

describe('readable dashboard charts', () => {
  for (const [width, height] of [
    [1440, 900],
    [1366, 768],
  ] as const) {
    test(`values on bars, whole labels, shares and whiskers at ${width} × ${height}`, async () => {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
      const { page, errors } = await openPage(context);
      await signIn(page, '/dashboard?survey=sipas&period=thisYear');
      // Every bar chart and the doughnut have drawn once their plugins recorded it.
      await page.waitForFunction(() => document.querySelectorAll('canvas[data-drawn]').length >= 9, null, {
        timeout: 30_000,
      });

      // Elements: each bar's value as the table writes it, in the table's order, labels whole.
      const elements = 'figure[aria-labelledby="elements-title"]';
      const [el] = await drawnIn(page, elements);
      expect(el!.labels).toEqual(await column(page, elements, 'th'));
      expect(el!.drawn).toEqual(await column(page, elements, 'td:nth-of-type(1)'));
      expect(el!.fit).toBe(true);

      // Criteria: one chart per element, strongest first within it; every title whole (none cut
      // with "…"), every index written at its row.
      const criteria = 'figure[aria-labelledby="criteria-title"]';
      const groups = await drawnIn(page, criteria);
      expect(groups.length).toBe(5);
      const titles = await column(page, criteria, 'th');
      expect(titles.length).toBe(22);
      expect(groups.flatMap((g) => g.labels)).toEqual(titles);
      expect(groups.flatMap((g) => g.labels).some((l) => l.endsWith('…'))).toBe(false);
      expect(groups.flatMap((g) => g.drawn)).toEqual(await column(page, criteria, 'td:nth-of-type(1)'));
      expect(groups.every((g) => g.fit)).toBe(true);
      for (const g of groups) {
        const values = g.drawn.map((v) => Number(v!.replace(' %', '').replace(',', '.')));
        expect(values).toEqual([...values].sort((a, b) => b - a));
      }

      // Channels: the shares on the arcs are the table's shares, to whole percent.
      const channels = 'figure[aria-labelledby="channels-title"]';
      const [ch] = await drawnIn(page, channels);
      const shares = await column(page, channels, 'td:nth-of-type(2)');
      expect(ch!.drawn.filter((s) => s !== null).length).toBeGreaterThan(0);
      ch!.drawn.forEach((s, i) => {
        if (s !== null) expect(s).toBe(`${Math.round(Number(shares[i]!.replace(' %', '').replace(',', '.')))} %`);
      });

      // Rankings: the bars of the rows the tables list, with their values; labels whole.
      const units = '[data-testid="rank-units-chart"]';
      const [rank] = await drawnIn(page, units);
      const rankTables = 'section[aria-labelledby="rank-units-title"] .dash-table';
      expect(rank!.drawn).toEqual(await column(page, rankTables, 'td:nth-of-type(2)'));
      const names = await column(page, rankTables, 'th');
      expect(rank!.labels.map((l) => l.replace(/^\d+\. /, ''))).toEqual(names);
      expect(rank!.fit).toBe(true);
      // Each ranked row's 95 % interval drawn as a whisker, as the elements' are.
      expect(rank!.whiskers).toBe(names.length);
      expect(el!.whiskers).toBe(el!.labels.length);

      await page.screenshot({ path: `${SCREENSHOTS}/charts-${width}x${height}.png`, fullPage: true });
      for (const [name, selector] of [
        ['elements', elements],
        ['criteria', criteria],
        ['channels', channels],
        ['rank-units', 'section[aria-labelledby="rank-units-title"]'],
        ['rank-points', 'section[aria-labelledby="rank-points-title"]'],
      ] as const) {
        await page.locator(selector).screenshot({ path: `${SCREENSHOTS}/chart-${name}-${width}x${height}.png` });
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('the report draws the same bars for print: whole labels, values, whiskers, benchmarks', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const { page, errors } = await openPage(context);
    await signIn(page, '/dashboard/report?survey=sipas');
    const section = page.locator('section', { has: page.getByRole('heading', { name: /^2\. Chỉ số theo yếu tố/ }) });
    const bars = section.getByTestId('report-bars');
    const drawn = await bars.locator('g[data-bar]').evaluateAll((groups) =>
      groups.map((g) => ({
        label: [...g.querySelectorAll('tspan')].map((t) => t.textContent).join(' '),
        value: g.getAttribute('data-bar'),
        whisker: g.querySelector('path') !== null,
        // The label's left edge inside the drawing: a line too long would be cut at the page's edge.
        inside: [...g.querySelectorAll('tspan')].every(
          (t) => (t as SVGTextContentElement).getStartPositionOfChar(0).x >= 0,
        ),
      })),
    );
    // The table beside lists the same rows in the same order: each element, then its criteria, strongest first.
    const rows = await section
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelector('td')!.textContent!.trim()]),
      );
    expect(drawn.map((d) => d.label)).toEqual(rows.map((r) => r[0]));
    expect(drawn.map((d) => d.value)).toEqual(rows.map((r) => (r[1] === 'chưa đủ dữ liệu' ? '' : r[1])));
    expect(drawn.length).toBe(27);
    expect(drawn.filter((d) => !d.inside).map((d) => d.label)).toEqual([]);
    expect(drawn.filter((d) => d.whisker).length).toBeGreaterThanOrEqual(22);
    // The benchmark and the department's target as labelled dashed lines.
    expect(await bars.locator('text', { hasText: 'Mục tiêu của Sở: 90,00 %' }).count()).toBe(1);
    expect(await bars.locator('text', { hasText: /^SIPAS toàn quốc \d{4}/ }).count()).toBe(1);
    await section.screenshot({ path: `${SCREENSHOTS}/report-bars.png` });
    await page
      .locator('section', { has: page.getByRole('heading', { name: /^5\. Xếp hạng quầy/ }) })
      .screenshot({ path: `${SCREENSHOTS}/report-ranking.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});

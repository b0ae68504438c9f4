import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { openPage, screenshot } from './helpers/browser';
import { startServerAndBrowser, stopServerAndBrowser, type TestServer } from './helpers/server';
import { SURVEY_CORPUS } from '@/tests/fixtures/survey-corpus';

// A province imports each survey of the corpus (tests/fixtures/surveys) with the admin command;
// a citizen's phone opens it at desk 1 (/s/TTHCC-Q01?survey=…), the real SurveyJS renderer takes
// the answers and completes, and what it sent is exactly what the server stored.

const corpus = SURVEY_CORPUS;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await startServerAndBrowser();
  const tmp = mkdtempSync(join(tmpdir(), 'hailong-corpus-'));
  for (const { slug, file, survey } of corpus) {
    const path = join(tmp, file);
    writeFileSync(path, JSON.stringify(survey));
    const run = spawnSync('npx', ['tsx', 'scripts/admin.ts', 'survey', 'import', path, '--slug', slug], {
      env: { ...process.env, DATABASE_URL: `file:${server.dbPath}`, APP_SECRET: 'e2e-secret-0123456789abcdef' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`import ${file}: ${run.stderr}${run.stdout}`);
  }
  // An imported survey is answerable only at the desks that offer it (lib/survey/offered.ts).
  const offer = spawnSync(
    'npx',
    [
      'tsx',
      'scripts/admin.ts',
      'point',
      'surveys',
      '--point',
      'TTHCC-Q01',
      '--set',
      corpus.map((c) => c.slug).join(','),
    ],
    {
      env: { ...process.env, DATABASE_URL: `file:${server.dbPath}`, APP_SECRET: 'e2e-secret-0123456789abcdef' },
      encoding: 'utf8',
    },
  );
  if (offer.status !== 0) throw new Error(`point surveys: ${offer.stderr}${offer.stdout}`);
}, 300_000);
afterAll(() => stopServerAndBrowser(server, browser));

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describe.each(corpus)('$file on the phone page', ({ slug, valid }) => {
  test.each(valid)(
    '$name: the renderer completes it and the server stores exactly what it sent',
    async ({ answers }) => {
      const context = await browser.newContext({ ...PHONE, locale: 'vi-VN' });
      try {
        // choicesByUrl to another host is blocked by the page's CSP (connect-src 'self'): the survey's
        // listed fallback choices are what the citizen sees, and what the server checks.
        const { page, errors } = await openPage(context, {
          allow: [/violates the following Content Security Policy directive: "connect-src 'self'"/],
        });
        const res = await page.goto(`${server.url}/s/TTHCC-Q01?survey=${slug}`);
        expect(res?.status()).toBe(200);
        await page.locator('.sd-root-modern').waitFor();
        const sent = page.waitForRequest((r) => r.url().endsWith('/api/responses') && r.method() === 'POST');
        const accepted = page.waitForResponse((r) => r.url().endsWith('/api/responses'));
        // The SurveyJS model the page renders, reached through React's props of its root element:
        // the renderer itself takes the answers, checks every page and completes.
        const problems = await page.evaluate((data) => {
          type SurveyLike = {
            data: unknown;
            validate(fire: boolean, focus: boolean): boolean;
            doComplete(): void;
            getAllQuestions(v: boolean): Array<{ name: string; errors: Array<{ getText(): string }> }>;
          };
          const root = document.querySelector('.sd-root-modern')!;
          const key = Object.keys(root).find((k) => k.startsWith('__reactFiber$'))!;
          let fiber = (root as unknown as Record<string, { memoizedProps?: { model?: SurveyLike }; return?: unknown }>)[
            key
          ] as { memoizedProps?: { model?: SurveyLike }; return?: unknown } | undefined;
          while (fiber && !fiber.memoizedProps?.model?.doComplete) fiber = fiber.return as typeof fiber;
          const model = fiber!.memoizedProps!.model!;
          model.data = data;
          if (!model.validate(true, false)) {
            return model.getAllQuestions(true).flatMap((q) => q.errors.map((e) => `${q.name}: ${e.getText()}`));
          }
          model.doComplete();
          return [];
        }, answers);
        expect(problems).toEqual([]);
        const body = (await sent).postDataJSON() as { id: string; answers: Record<string, unknown> };
        expect((await accepted).status()).toBe(201);
        const [row] = server.query<{ answers: string }>('SELECT answers FROM responses WHERE id = ?', body.id);
        expect(JSON.parse(row!.answers)).toEqual(body.answers);
        await screenshot(page, `corpus-${slug}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

test('a citizen taps through the Likert grid, one question per page, and the server stores what the renderer sent', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'vi-VN' });
  try {
    const { page, errors } = await openPage(context);
    await page.goto(`${server.url}/s/TTHCC-Q01?survey=corpus-05`);
    const grid = page.locator('[data-name="đánh giá"]');
    await grid.waitFor();
    // Columns 1–5 follow the row header: "Hài lòng" (4) for seats, "Rất hài lòng" (5) for polite.
    await grid.locator('tr', { hasText: 'Đủ chỗ ngồi' }).locator('td').nth(4).click();
    await grid.locator('tr', { hasText: 'Lịch sự' }).locator('td').nth(5).click();
    const next = page.getByRole('button', { name: /^(Next|Tiếp theo)$/ });
    await next.click();
    const all = page.locator('[data-name="all rows"]');
    await all.waitFor();
    await all.locator('tr', { hasText: 'r1' }).locator('td').nth(1).click();
    await all.locator('tr', { hasText: 'r2' }).locator('td').nth(2).click();
    await next.click();
    const needs = page.locator('[data-name="cần"]');
    await needs.waitFor();
    await needs.getByText('a', { exact: true }).click();
    await needs.getByText('c', { exact: true }).click();
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/responses') && r.method() === 'POST');
    await page.getByRole('button', { name: /^(Complete|Hoàn thành|Gửi đánh giá)$/ }).click();
    const body = (await sent).postDataJSON() as { id: string; answers: Record<string, unknown> };
    expect(body.answers).toEqual({
      'đánh giá': { seats: 4, polite: 5 },
      'all rows': { r1: 'yes', r2: 'no' },
      cần: ['a', 'c'],
    });
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    const [row] = server.query<{ answers: string }>('SELECT answers FROM responses WHERE id = ?', body.id);
    expect(JSON.parse(row!.answers)).toEqual(body.answers);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

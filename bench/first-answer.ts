// The citizen's phone page: how soon the first question can be answered on a slow phone and
// network (4× slower CPU, 1.6 Mbps down, 150 ms round trip, through the DevTools protocol), and
// how much JavaScript the page asks for before that, against the Next + React floor: the
// scripts of a page of this app that has no client code of its own (/tra-cuu).
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

import type { Page } from 'playwright-core';

import { launchBrowser } from '../tests/e2e/helpers/browser';
import { startServer } from '../tests/e2e/helpers/server';

const gz = (code: Uint8Array) => gzipSync(code, { level: 6 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Gzipped bytes of the scripts the server's HTML names (what loads before anything is lazy). */
async function initialScriptBytes(url: string): Promise<number> {
  const html = await (await fetch(url)).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let total = 0;
  for (const src of srcs) total += gz(new Uint8Array(await (await fetch(new URL(src, url))).arrayBuffer()));
  return total;
}

async function slowPhone(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

export async function benchFirstAnswer() {
  spawnSync(process.execPath, ['scripts/start.mjs', '--build-if-needed'], { stdio: 'inherit' });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const url = `${server.url}/s/TTHCC-Q01`;
    const html = await (await fetch(url)).text();
    const inHtml = /<input[^>]*type="radio"[^>]*name="q:satisfaction"/.test(html);
    const [page, floor] = [await initialScriptBytes(url), await initialScriptBytes(`${server.url}/tra-cuu`)];

    const times: number[] = [];
    let surveyJsBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({
        viewport: { width: 360, height: 800 },
        isMobile: true,
        hasTouch: true,
      });
      const tab = await context.newPage();
      await slowPhone(tab);
      const started = Date.now();
      await tab.goto(url, { waitUntil: 'commit' });
      // Answerable: the first option is on screen and takes a tap.
      const first = tab.locator('[data-name="satisfaction"] input[type="radio"]').first();
      await tab.locator('[data-name="satisfaction"]').getByText('Rất hài lòng', { exact: true }).first().waitFor();
      await first.waitFor({ state: 'attached' });
      times.push(Date.now() - started);
      if (i === 0) {
        // Everything after: SurveyJS taking over, which the citizen need not wait for.
        await tab.locator('.sd-root-modern').waitFor({ timeout: 120_000 });
        const urls = await tab.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((u) => /\/_next\/static\/.*\.js/.test(u)),
        );
        let all = 0;
        for (const u of new Set(urls)) all += gz(new Uint8Array(await (await fetch(u)).arrayBuffer()));
        surveyJsBytes = all - page;
      }
      await context.close();
    }

    console.log('\nPhone page /s/{desk}: first answer on a slow phone (4× CPU, 1.6 Mbps, 150 ms)');
    console.log(`first question in the server's HTML: ${inHtml ? 'yes' : 'NO'}`);
    console.log(
      `time to an answerable first question: median ${median(times)} ms of ${RUNS} (${times.join(', ')} ms) (goal ≤ 1500 ms)`,
    );
    console.log(
      `JavaScript before the first answer: ${kb(page)} gzip; Next + React floor (/tra-cuu): ${kb(floor)}; ratio ${(page / floor).toFixed(2)} (goal ≤ 1.2)`,
    );
    console.log(`SurveyJS and the rest, loaded after the question is answerable: ${kb(surveyJsBytes)} gzip`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

// Kiosk page weight (docs/contracts.md, service goals): the JavaScript the tablet loads before it can take an answer,
// against the floor of React + survey-core + survey-react-ui alone, bundled and minified the same
// way. Both are gzipped here at the same level, so the ratio compares code, not compressors.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

import { launchBrowser } from '../tests/e2e/helpers/browser';
import { startServer } from '../tests/e2e/helpers/server';

const root = fileURLToPath(new URL('..', import.meta.url));
const gz = (code: string | Uint8Array) => gzipSync(code, { level: 6 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The smallest program that renders a SurveyJS survey with React: the floor no kiosk can beat. */
async function floorBytes(): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    stdin: {
      contents: `
        import { createRoot } from 'react-dom/client';
        import { Model } from 'survey-core';
        import { Survey } from 'survey-react-ui';
        createRoot(document.getElementById('root')).render(<Survey model={new Model({ elements: [{ type: 'radiogroup', name: 'q', choices: [1, 2, 3] }] })} />);
      `,
      loader: 'tsx',
      resolveDir: root,
    },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.contents;
  return { raw: code.length, gzip: gz(code) };
}

/** Every script the paired kiosk page loaded until its attract screen is interactive. */
async function kioskBytes(): Promise<{ raw: number; gzip: number; files: number }> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const out = spawnSync(
      'npx',
      ['tsx', 'scripts/admin.ts', 'device', 'create', '--point', 'TTHCC-Q01', '--pin', '2468'],
      {
        env: {
          ...process.env,
          DATABASE_URL: `file:${server.dbPath}`,
          PUBLIC_BASE_URL: server.url,
          APP_SECRET: 'e2e-secret-0123456789abcdef',
        },
        encoding: 'utf8',
      },
    );
    const link = out.stdout.trim().split('\n').at(-1)!;
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Kết nối máy này' }).click();
    await page.waitForURL(`${server.url}/kiosk`);
    await page.getByRole('button', { name: 'Chạm để đánh giá' }).waitFor();
    const urls = await page.evaluate(() => [
      ...new Set(
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => /\/_next\/static\/.*\.js(\?|$)/.test(u)),
      ),
    ]);
    let raw = 0;
    let gzip = 0;
    for (const url of urls) {
      const body = new Uint8Array(await (await fetch(url)).arrayBuffer());
      raw += body.length;
      gzip += gz(body);
    }
    return { raw, gzip, files: urls.length };
  } finally {
    await browser.close();
    await server.stop();
  }
}

export async function benchKioskBundle() {
  spawnSync(process.execPath, ['scripts/start.mjs', '--build-if-needed'], { stdio: 'inherit' });
  const [floor, kiosk] = [await floorBytes(), await kioskBytes()];
  console.log('\nKiosk page: first-load JavaScript (gzip level 6 on both sides)');
  console.log(
    `floor (react + react-dom + survey-core + survey-react-ui, esbuild minified): ${kb(floor.gzip)} (${kb(floor.raw)} raw)`,
  );
  console.log(
    `/kiosk until the attract screen is interactive: ${kb(kiosk.gzip)} (${kb(kiosk.raw)} raw) in ${kiosk.files} files`,
  );
  console.log(`ratio ${(kiosk.gzip / floor.gzip).toFixed(2)} (goal ≤ 1.2)`);
}

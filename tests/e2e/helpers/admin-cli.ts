import { spawn } from 'node:child_process';

import type { TestServer } from './server';

/** `npm run admin -- …` against the test server's database; resolves with what it printed. */
export function adminCli(server: TestServer, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/admin.ts', ...args], {
      env: {
        ...process.env,
        DATABASE_URL: `file:${server.dbPath}`,
        PUBLIC_BASE_URL: server.url,
        APP_SECRET: 'e2e-secret-0123456789abcdef',
      },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`admin ${args.join(' ')} failed:\n${out}`)),
    );
  });
}

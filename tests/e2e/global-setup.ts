import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Browser tests run against the production build, as citizens get it.
export default function setup() {
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('Browser tests need Debian chromium at /usr/bin/chromium: apt-get install -y chromium');
  }
  const r = spawnSync(process.execPath, ['scripts/start.mjs', '--build-if-needed'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('next build failed');
}

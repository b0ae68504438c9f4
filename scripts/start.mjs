// `npm start`: build when the sources are newer than the last build, then serve. Migrations
// and the first-start seed run inside the server (instrumentation.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.env.NEXT_TELEMETRY_DISABLED = '1';
// Relative paths (data/, db/migrations) resolve from the project, wherever npm was run.
process.chdir(root);

const SOURCES = [
  'app',
  'lib',
  'server',
  'db',
  'surveys',
  'public',
  'instrumentation.ts',
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'migrations' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function needsBuild() {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

// --build-only always builds and --build-if-needed builds when stale; both stop there without serving.
const buildOnly = process.argv.includes('--build-only');
const prepareOnly = buildOnly || process.argv.includes('--build-if-needed');

if (buildOnly || needsBuild()) {
  console.log('Building Hài Lòng (about a minute)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (prepareOnly) process.exit(0);

await import('./server.mjs');

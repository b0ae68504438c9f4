// `npm run admin -- <group> <command> [--flags]`: what an operator does without the UI (README, Scripts).
import { parseArgs } from 'node:util';

import { ZodError } from 'zod';

import { closeDatabase, readyDb } from '@/db';

import { commands } from './admin/commands';

async function main(argv: string[]) {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = commands.find((c) => c.name.every((w, i) => words[i] === w));
  if (!name) {
    console.error(`Usage: npm run admin -- <command>\n\n${commands.map((c) => `  ${c.usage}`).join('\n')}`);
    process.exit(words.length === 0 ? 0 : 2);
  }
  const rest = argv.slice(argv.indexOf(name.name.at(-1)!) + 1);
  const { values, positionals } = parseArgs({
    args: rest,
    options: name.options ?? {},
    allowPositionals: true,
    strict: true,
  });
  await name.run({ values: values as Record<string, string | boolean | undefined>, positionals });
  // Every command has opened the database by now; a PostgreSQL pool left open would keep the process alive.
  await closeDatabase(await readyDb());
}

main(process.argv.slice(2)).catch((err: Error) => {
  console.error(`Error: ${err instanceof ZodError ? err.issues.map((i) => i.message).join('; ') : err.message}`);
  process.exit(1);
});

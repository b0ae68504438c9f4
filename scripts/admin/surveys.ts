import { readFileSync } from 'node:fs';

import { readyDb } from '@/db';
import { importSurvey } from '@/server/seed';

import type { Command } from './commands';

export const surveyCommands: Command[] = [
  {
    name: ['survey', 'import'],
    usage: 'survey import <file.json> --slug S [--no-publish]   validate, store a new immutable version, publish it',
    options: { slug: { type: 'string' }, 'no-publish': { type: 'boolean' } },
    async run({ values, positionals }) {
      const [file] = positionals;
      const slug = values.slug;
      if (!file || typeof slug !== 'string') throw new Error('survey import needs a file and --slug');
      if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(slug)) throw new Error(`--slug must be a-z, 0-9 and - (got ${slug})`);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`${file}: not readable JSON: ${(err as Error).message}`);
      }
      const result = await importSurvey(await readyDb(), { slug, json, source: file, publish: !values['no-publish'] });
      console.log(
        `${slug}: ${result.created ? 'stored as new version' : 'unchanged, same as version'} ${result.version}` +
          `${result.published ? ', published' : ''}`,
      );
      // The last line is the version alone, for scripts.
      console.log(result.version);
    },
  },
];

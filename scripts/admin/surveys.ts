import { readFileSync } from 'node:fs';

import { readyDb } from '@/db';
import { findPointForAdmin, updatePoint } from '@/db/queries/points';
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
  {
    name: ['point', 'surveys'],
    usage:
      'point surveys --point CODE --set quick,sipas,…   set the surveys a desk takes answers to, beside its own (audited; --set "" restores the default)',
    options: { point: { type: 'string' }, set: { type: 'string' } },
    async run({ values }) {
      const code = values.point;
      const list = values.set;
      if (typeof code !== 'string' || typeof list !== 'string')
        throw new Error('point surveys needs --point CODE and --set with survey slugs');
      const db = await readyDb();
      const point = await findPointForAdmin(db, { code });
      if (!point) throw new Error(`no service point ${code}`);
      const offeredSurveys = list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const result = await updatePoint(
        db,
        {
          id: point.id,
          active: point.active,
          name: point.name,
          nameEn: point.nameEn ?? undefined,
          unitId: point.unitId,
          location: point.location ?? undefined,
          phoneSurvey: point.phoneSurvey,
          kioskSurvey: point.kioskSurvey,
          offeredSurveys,
        },
        { userId: null, label: 'cli' },
      );
      if (!result.ok) throw new Error(`${result.field}: ${result.message}`);
      console.log(`${code}: ${result.point.offeredSurveys ?? '(every survey that ships)'}`);
    },
  },
];

import { readFileSync, writeFileSync } from 'node:fs';

import { readyDb } from '@/db';
import { listCatalogueForExport, replaceCatalogue, setPointProcedures } from '@/db/queries/procedure-versions';
import { pointProceduresSchema } from '@/lib/admin/procedures';
import { parseProcedureFile, procedureCsv, procedureXlsx } from '@/server/procedures/files';

import type { Command } from './commands';

const CLI_ACTOR = { userId: null, label: 'cli' };

export const procedureCommands: Command[] = [
  {
    name: ['procedures', 'import'],
    usage:
      'procedures import <file.csv|file.xlsx>   replace the catalogue with the file (all or nothing; see README for the columns)',
    async run({ positionals }) {
      const [file] = positionals;
      if (!file) throw new Error('procedures import needs a CSV or XLSX file');
      const parsed = await parseProcedureFile(readFileSync(file));
      if (!parsed.ok) {
        const lines = parsed.rowErrors.map((e) => `${file}:${e.line}: ${e.messages.join('; ')}`);
        throw new Error([parsed.message, ...lines].join('\n'));
      }
      const r = await replaceCatalogue(await readyDb(), parsed.rows, CLI_ACTOR);
      console.log(
        `${parsed.rows.length} procedures: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.deactivated} deactivated (not in the file)`,
      );
    },
  },
  {
    name: ['procedures', 'export'],
    usage: 'procedures export <file.csv|file.xlsx>   write the active catalogue in the import format',
    async run({ positionals }) {
      const [file] = positionals;
      if (!file || !/\.(csv|xlsx)$/i.test(file))
        throw new Error('procedures export needs a file name ending in .csv or .xlsx');
      const rows = await listCatalogueForExport(await readyDb());
      writeFileSync(file, /\.xlsx$/i.test(file) ? await procedureXlsx(rows) : procedureCsv(rows));
      console.log(`${rows.length} procedures written to ${file}`);
    },
  },
  {
    name: ['point', 'procedures'],
    usage: 'point procedures --point CODE --set 1.013225,1.013226   set the procedures handled at a desk (audited)',
    options: { point: { type: 'string' }, set: { type: 'string' } },
    async run({ values }) {
      const parsed = pointProceduresSchema.safeParse({ point: values.point, codes: values.set });
      if (!parsed.success)
        throw new Error(
          `point procedures needs --point CODE and --set with catalogue codes: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
        );
      const result = await setPointProcedures(await readyDb(), parsed.data, CLI_ACTOR);
      if (!result.ok)
        throw new Error(
          result.unknown
            ? `not in the active catalogue: ${result.unknown.join(', ')}`
            : `no service point ${parsed.data.point}`,
        );
      console.log(`${parsed.data.point}: ${result.codes.join(', ') || '(none)'}`);
    },
  },
];

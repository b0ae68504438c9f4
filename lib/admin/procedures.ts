import { z } from 'zod';

import { procedureCodeSchema } from '../procedures/record';
import { checkbox, idField, optionalText, requiredText } from './form';

// The admin forms of the catalogue. The import and export files: lib/procedures/columns.ts.

const procedureFields = {
  name: requiredText(500, 'tên thủ tục'),
  sector: optionalText(200),
  level: optionalText(50),
};

export const procedureCreateSchema = z.object({ code: procedureCodeSchema, ...procedureFields });
export const procedureUpdateSchema = z.object({ id: idField, ...procedureFields, active: checkbox });

export const procedureSearchSchema = z.object({
  q: z.string().trim().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** A desk's procedures, as codes separated by commas, spaces or lines ("1.013225, 1.013226"). */
export const pointProceduresSchema = z.object({
  point: z.string().trim().min(1).max(40),
  codes: z
    .string()
    .max(100_000)
    .transform((s) => [...new Set(s.split(/[\s,;]+/).filter(Boolean))])
    .pipe(z.array(procedureCodeSchema).max(5000)),
});

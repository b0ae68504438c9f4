import { z } from 'zod';

// A procedure's record as the national database of administrative procedures publishes it. One
// version of it is stored as JSON (db: procedure_versions.record); the columns of the import and
// export files are in lib/procedures/columns.ts.

// National catalogue codes look like 1.013225 or 2.002286; some provinces add letters.
export const procedureCodeSchema = z
  .string({ error: 'Cần nhập mã thủ tục / code required' })
  .trim()
  .regex(
    /^[0-9A-Za-z][0-9A-Za-z.\-_]{0,39}$/,
    'Mã thủ tục: 1–40 ký tự chữ, số, . - _ / code: 1–40 letters, digits, . - _',
  );

/** A component of the dossier: the document, how many originals and copies (null: not stated). */
export const procedureDocumentSchema = z.object({
  name: z.string().min(1).max(1000),
  originals: z.number().int().min(0).max(99).nullable(),
  copies: z.number().int().min(0).max(99).nullable(),
});
export type ProcedureDocument = z.infer<typeof procedureDocumentSchema>;

const text = (max: number) => z.string().max(max).nullable();
const lines = z.array(z.string().min(1).max(2000)).max(200);

export const procedureRecordSchema = z.object({
  code: procedureCodeSchema,
  name: z.string().min(1).max(500),
  sector: text(200),
  level: text(50),
  agency: text(1000),
  processingTime: text(2000),
  fees: text(2000),
  documents: z.array(procedureDocumentSchema).max(200),
  dossierCount: text(200),
  steps: lines,
  ways: lines,
  onlineLevel: text(100),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable(),
  result: text(2000),
  legalBasis: lines,
  forms: lines,
});
export type ProcedureRecord = z.infer<typeof procedureRecordSchema>;

/** A record with only what the old catalogue held: code, name, sector and level. */
export function bareRecord(p: {
  code: string;
  name: string;
  sector: string | null;
  level: string | null;
}): ProcedureRecord {
  return {
    code: p.code,
    name: p.name,
    sector: p.sector,
    level: p.level,
    agency: null,
    processingTime: null,
    fees: null,
    documents: [],
    dossierCount: null,
    steps: [],
    ways: [],
    onlineLevel: null,
    onlineUrl: null,
    result: null,
    legalBasis: [],
    forms: [],
  };
}

/** Reads a stored record; a row written before a field existed gets that field empty. */
export function readRecord(
  json: string,
  fallback: { code: string; name: string; sector: string | null; level: string | null },
): ProcedureRecord {
  const parsed = procedureRecordSchema.safeParse({ ...bareRecord(fallback), ...(JSON.parse(json) as object) });
  return parsed.success ? parsed.data : bareRecord(fallback);
}

const DETAIL_KEYS = [
  'agency',
  'processingTime',
  'fees',
  'documents',
  'dossierCount',
  'steps',
  'ways',
  'onlineLevel',
  'onlineUrl',
  'result',
  'legalBasis',
  'forms',
] as const;

/** True when the record says more than code, name, sector and level. */
export const hasDetails = (r: ProcedureRecord): boolean =>
  DETAIL_KEYS.some((k) => {
    const v = r[k];
    return Array.isArray(v) ? v.length > 0 : v !== null;
  });

const COUNTS = /\s*\(\s*b[aả]n ch[ií]nh\s*:\s*(\d+)\s*[,;–-]\s*b[aả]n sao\s*:\s*(\d+)\s*\)\s*$/iu;

/** "Đơn đề nghị (Bản chính: 1, Bản sao: 0)" → the document and its counts. */
export function parseDocumentLine(line: string): ProcedureDocument {
  const m = COUNTS.exec(line.normalize('NFC'));
  if (!m) return { name: line.trim(), originals: null, copies: null };
  return { name: line.slice(0, m.index).trim(), originals: Number(m[1]), copies: Number(m[2]) };
}

export function formatDocumentLine(d: ProcedureDocument): string {
  return d.originals === null && d.copies === null
    ? d.name
    : `${d.name} (Bản chính: ${d.originals ?? 0}, Bản sao: ${d.copies ?? 0})`;
}

/** The record's text that search matches against: code, name and sector. */
export const searchText = (r: Pick<ProcedureRecord, 'code' | 'name' | 'sector'>) =>
  [r.code, r.name, r.sector ?? ''].join(' ');

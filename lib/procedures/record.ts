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

/**
 * The record's text in English, where the catalogue has it (the national database publishes
 * Vietnamese only): each field optional, and what is missing is shown in Vietnamese, marked so.
 * `documents` names the dossier's documents in the same order as the Vietnamese list.
 */
export const procedureEnglishSchema = z.object({
  name: z.string().min(1).max(500).optional(),
  agency: z.string().min(1).max(1000).optional(),
  processingTime: z.string().min(1).max(2000).optional(),
  fees: z.string().min(1).max(2000).optional(),
  documents: z.array(z.string().min(1).max(1000)).min(1).max(200).optional(),
  steps: lines.min(1).optional(),
  ways: lines.min(1).optional(),
  result: z.string().min(1).max(2000).optional(),
});
export type ProcedureEnglish = z.infer<typeof procedureEnglishSchema>;

export const procedureRecordSchema = z
  .object({
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
    en: procedureEnglishSchema.nullable(),
  })
  .refine((r) => !r.en?.documents || r.en.documents.length === r.documents.length, {
    path: ['en', 'documents'],
    message: 'cần đúng số giấy tờ như danh sách tiếng Việt / one name per document of the Vietnamese list',
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
    en: null,
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

/** The record's text that search matches against: code, name (in both languages) and sector. */
export const searchText = (r: Pick<ProcedureRecord, 'code' | 'name' | 'sector'> & { en?: ProcedureEnglish | null }) =>
  [r.code, r.name, r.en?.name ?? '', r.sector ?? ''].join(' ');

/** The fields of a record an English page may show in Vietnamese. */
export type VietnameseField = keyof ProcedureEnglish | 'legalBasis' | 'forms';

/**
 * The record as a citizen reads it in `locale`: in English, each field the catalogue translated
 * takes its English text, and `vietnamese` lists those shown in Vietnamese instead (`all` when
 * the record has no English at all), so the page can say so. Legal basis and forms name
 * Vietnamese documents: never translated, listed when present.
 */
export function localizeRecord(
  record: ProcedureRecord,
  locale: 'vi' | 'en',
): { record: ProcedureRecord; vietnamese: ReadonlySet<VietnameseField>; all: boolean } {
  const none = new Set<VietnameseField>();
  if (locale === 'vi') return { record, vietnamese: none, all: false };
  const en = record.en ?? {};
  const vietnamese = new Set<VietnameseField>();
  const pick = <K extends 'name' | 'agency' | 'processingTime' | 'fees' | 'result'>(key: K) => {
    const v = en[key];
    if (v !== undefined) return v;
    if (record[key] !== null) vietnamese.add(key);
    return record[key];
  };
  const listOf = (key: 'steps' | 'ways') => {
    const v = en[key];
    if (v !== undefined) return v;
    if (record[key].length > 0) vietnamese.add(key);
    return record[key];
  };
  const documents = en.documents
    ? record.documents.map((d, i) => ({ ...d, name: en.documents![i] ?? d.name }))
    : record.documents;
  if (!en.documents && record.documents.length > 0) vietnamese.add('documents');
  if (record.legalBasis.length > 0) vietnamese.add('legalBasis');
  if (record.forms.length > 0) vietnamese.add('forms');
  const localized: ProcedureRecord = {
    ...record,
    name: pick('name')!,
    agency: pick('agency'),
    processingTime: pick('processingTime'),
    fees: pick('fees'),
    result: pick('result'),
    documents,
    steps: listOf('steps'),
    ways: listOf('ways'),
  };
  return { record: localized, vietnamese, all: record.en === null || Object.keys(record.en).length === 0 };
}

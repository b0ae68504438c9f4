import { parse } from 'csv-parse/sync';

import type { RowError } from '../admin/form';
import { fail as failure, type Failure, type Ok, type Result } from '../result';
import { isLocalDay, localDay } from '../time/local';
import {
  formatDocumentLine,
  parseDocumentLine,
  procedureRecordSchema,
  type ProcedureEnglish,
  type ProcedureRecord,
} from './record';

// The columns of a procedures file (CSV or XLSX, one row per procedure), named as the national
// database of administrative procedures exports them. A multi-line cell (documents, steps, ways to
// file, legal basis, forms) holds one item a line. The export writes the same columns, so a file
// exported here imports back unchanged. The English columns ("… (tiếng Anh)") are this
// application's own, optional, after the national ones: a file without them imports as before.

type Kind = 'text' | 'lines' | 'documents';
type Column = {
  key: Exclude<keyof ProcedureRecord, 'en'> | 'effectiveFrom' | 'illustrative' | `en.${keyof ProcedureEnglish}`;
  header: string;
  aliases: string[];
  kind: Kind;
};

export const PROCEDURE_COLUMNS: readonly Column[] = [
  { key: 'code', header: 'Mã thủ tục', aliases: ['mã', 'code'], kind: 'text' },
  { key: 'name', header: 'Tên thủ tục', aliases: ['tên', 'name'], kind: 'text' },
  { key: 'sector', header: 'Lĩnh vực', aliases: ['sector', 'field'], kind: 'text' },
  { key: 'level', header: 'Cấp thực hiện', aliases: ['cấp', 'level'], kind: 'text' },
  { key: 'agency', header: 'Cơ quan thực hiện', aliases: ['agency'], kind: 'text' },
  { key: 'processingTime', header: 'Thời hạn giải quyết', aliases: ['processing time'], kind: 'text' },
  { key: 'fees', header: 'Phí, lệ phí', aliases: ['phí', 'lệ phí', 'phí lệ phí', 'fees'], kind: 'text' },
  { key: 'documents', header: 'Thành phần hồ sơ', aliases: ['documents'], kind: 'documents' },
  { key: 'dossierCount', header: 'Số lượng hồ sơ', aliases: ['số bộ hồ sơ', 'dossier count'], kind: 'text' },
  { key: 'steps', header: 'Trình tự thực hiện', aliases: ['steps'], kind: 'lines' },
  { key: 'ways', header: 'Cách thức thực hiện', aliases: ['ways'], kind: 'lines' },
  {
    key: 'onlineLevel',
    header: 'Mức độ dịch vụ công trực tuyến',
    aliases: ['mức độ dvc', 'online level'],
    kind: 'text',
  },
  {
    key: 'onlineUrl',
    header: 'Địa chỉ dịch vụ công trực tuyến',
    aliases: ['đường dẫn dịch vụ công trực tuyến', 'online url'],
    kind: 'text',
  },
  { key: 'result', header: 'Kết quả thực hiện', aliases: ['result'], kind: 'text' },
  { key: 'legalBasis', header: 'Căn cứ pháp lý', aliases: ['legal basis'], kind: 'lines' },
  { key: 'forms', header: 'Mẫu đơn, mẫu tờ khai', aliases: ['biểu mẫu', 'mẫu đơn, tờ khai', 'forms'], kind: 'lines' },
  { key: 'effectiveFrom', header: 'Ngày có hiệu lực', aliases: ['ngày hiệu lực', 'effective from'], kind: 'text' },
  { key: 'illustrative', header: 'Dữ liệu minh họa', aliases: ['illustrative'], kind: 'text' },
  ...(
    [
      ['name', 'Tên thủ tục', 'name', 'text'],
      ['agency', 'Cơ quan thực hiện', 'agency', 'text'],
      ['processingTime', 'Thời hạn giải quyết', 'processing time', 'text'],
      ['fees', 'Phí, lệ phí', 'fees', 'text'],
      // Names only, one a line in the order of the Vietnamese list; the counts are that list's.
      ['documents', 'Thành phần hồ sơ', 'documents', 'lines'],
      ['steps', 'Trình tự thực hiện', 'steps', 'lines'],
      ['ways', 'Cách thức thực hiện', 'ways', 'lines'],
      ['result', 'Kết quả thực hiện', 'result', 'text'],
    ] as const
  ).map(([key, vi, en, kind]): Column => ({
    key: `en.${key}`,
    header: `${vi} (tiếng Anh)`,
    aliases: [`${en} (english)`, `${en} (en)`],
    kind,
  })),
];

const keyOfHeader = new Map<string, Column>();
for (const c of PROCEDURE_COLUMNS) for (const h of [c.header, ...c.aliases]) keyOfHeader.set(normalizeHeader(h), c);

function normalizeHeader(h: string): string {
  return h
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[*:]+$/, '')
    .trim();
}

/** One procedure of a file: its record, the day it takes effect and whether it is demo data. */
export type ProcedureImportRow = { record: ProcedureRecord; effectiveFrom: string; illustrative: boolean };

export type ProcedureTable = { header: string[]; rows: { line: number; cells: string[] }[] };

export type TableImport =
  Ok<{ rows: ProcedureImportRow[] }> | (Failure<'invalid_procedure_file'> & { rowErrors: RowError[] });

export const MAX_IMPORT_ROWS = 5000;

const YES = new Set(['x', 'có', 'co', 'yes', '1', 'true']);
const splitLines = (cell: string) =>
  cell
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-•*+]|\d+[.)])\s+/, '').trim())
    .filter(Boolean);
const orNull = (cell: string) => (cell.trim() === '' ? null : cell.trim().replace(/\r\n/g, '\n'));

/**
 * Checks every row of a procedures table. All or nothing: any bad row fails the whole file, each
 * bad row listed with its line (the file's line for a CSV, the sheet's row for a spreadsheet).
 * `today` (YYYY-MM-DD, local) is the effective date of a row that states none.
 */
export function parseProcedureTable({ header, rows }: ProcedureTable, today: string): TableImport {
  const fail = (message: string, rowErrors: RowError[] = []): TableImport => ({
    ...failure('invalid_procedure_file', message),
    rowErrors,
  });
  const columns = header.map((h) => keyOfHeader.get(normalizeHeader(h)) ?? null);
  const missing = (['code', 'name'] as const).filter((k) => !columns.some((c) => c?.key === k));
  if (missing.length > 0) {
    const names = missing.map((k) => PROCEDURE_COLUMNS.find((c) => c.key === k)!.header);
    return fail(`Thiếu cột ${names.join(', ')} ở dòng tiêu đề. / Missing header column(s): ${missing.join(', ')}.`);
  }
  if (rows.length === 0) return fail('Tệp không có dòng dữ liệu nào. / No data rows.');
  if (rows.length > MAX_IMPORT_ROWS)
    return fail(`Tối đa ${MAX_IMPORT_ROWS} dòng mỗi lần. / At most ${MAX_IMPORT_ROWS} rows per import.`);

  const out: ProcedureImportRow[] = [];
  const rowErrors: RowError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, cells } of rows) {
    const messages: string[] = [];
    if (cells.length > header.length)
      messages.push(
        `có ${cells.length} cột, tiêu đề có ${header.length} / ${cells.length} columns, header has ${header.length}`,
      );
    const record: Record<string, unknown> = {};
    const english: Record<string, unknown> = {};
    let effectiveFrom = today;
    let illustrative = false;
    columns.forEach((column, i) => {
      if (!column) return;
      // The export's guard against spreadsheet formulas (lib/exports/cells.ts) is undone here.
      const cell = (cells[i] ?? '').replace(/^'(?=[=+\-@])/, '');
      if (column.key === 'effectiveFrom') {
        if (cell.trim() === '') return;
        const day = parseLocalDate(cell);
        if (day) effectiveFrom = day;
        else messages.push(`${column.header}: "${cell}" không phải ngày (YYYY-MM-DD hoặc DD/MM/YYYY) / not a date`);
      } else if (column.key === 'illustrative') illustrative = YES.has(cell.trim().toLowerCase());
      else if (column.key.startsWith('en.')) {
        // An empty English cell is no English: the page shows the Vietnamese, marked so.
        const value = column.kind === 'lines' ? splitLines(cell) : orNull(cell);
        if (value !== null && value.length > 0) english[column.key.slice(3)] = value;
      } else if (column.kind === 'lines') record[column.key] = splitLines(cell);
      else if (column.kind === 'documents') record[column.key] = splitLines(cell).map(parseDocumentLine);
      else record[column.key] = orNull(cell);
    });
    const en = Object.keys(english).length > 0 ? english : null;
    const parsed = procedureRecordSchema.safeParse({ ...emptyDetails, ...record, en });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === 'en' ? `en.${String(issue.path[1])}` : issue.path[0];
        const column = PROCEDURE_COLUMNS.find((c) => c.key === key);
        messages.push(`${column?.header ?? String(key ?? '')}: ${issueMessage(key, issue.message)}`);
      }
    } else {
      const earlier = firstLineOf.get(parsed.data.code);
      if (earlier !== undefined)
        messages.push(`Mã thủ tục: mã ${parsed.data.code} trùng dòng ${earlier} / duplicate of line ${earlier}`);
      else firstLineOf.set(parsed.data.code, line);
      out.push({ record: parsed.data, effectiveFrom, illustrative });
    }
    if (messages.length > 0) rowErrors.push({ line, messages });
  }
  if (rowErrors.length > 0)
    return fail(
      `${rowErrors.length} dòng lỗi: chưa nhập dòng nào. / ${rowErrors.length} bad row(s): nothing was imported.`,
      rowErrors,
    );
  return { ok: true, rows: out };
}

const emptyDetails = {
  sector: null,
  level: null,
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

function issueMessage(key: PropertyKey | undefined, message: string): string {
  if (key === 'name') return 'cần nhập tên thủ tục (tối đa 500 ký tự) / name required, at most 500 characters';
  if (key === 'onlineUrl') return 'phải là địa chỉ http(s):// / must be an http(s) address';
  if (key === 'en.name') return 'tối đa 500 ký tự / at most 500 characters';
  return message;
}

/** Reads a CSV (UTF-8, BOM or not, comma or semicolon) into a table whose lines are the file's. */
export function readProcedureCsv(text: string): Result<{ table: ProcedureTable }, 'unreadable_csv'> {
  if (text.trim() === '') return failure('unreadable_csv', 'Tệp CSV trống. / The CSV file is empty.');
  const delimiter = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',';
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as typeof records; // the typings ignore `info` and `raw`
  } catch (err) {
    return failure('unreadable_csv', `Không đọc được CSV / unreadable CSV: ${(err as Error).message}`);
  }
  const [head, ...body] = records;
  // info.lines is the line a record ends on; a quoted cell may span lines, so count back.
  const startLine = (r: (typeof records)[number]) =>
    r.info.lines -
    (r.raw
      .replace(/^(?:[ \t]*\r?\n)+/, '')
      .replace(/\r?\n$/, '')
      .match(/\n/g)?.length ?? 0);
  return {
    ok: true,
    table: {
      header: (head?.record ?? []).map((h) => h.trim()),
      rows: body.map((r) => ({ line: startLine(r), cells: r.record })),
    },
  };
}

/** Reads a procedures CSV and checks every row (see parseProcedureTable). */
export function parseProcedureCsv(text: string, today: string = localDay(Date.now())): TableImport {
  const read = readProcedureCsv(text);
  if (!read.ok) return { ...failure('invalid_procedure_file', read.message), rowErrors: [] };
  return parseProcedureTable(read.table, today);
}

/** The cells of one procedure in PROCEDURE_COLUMNS order, for the CSV and XLSX exports. */
export function procedureCells(row: ProcedureImportRow): string[] {
  return PROCEDURE_COLUMNS.map((c) => {
    if (c.key === 'effectiveFrom') return row.effectiveFrom;
    if (c.key === 'illustrative') return row.illustrative ? 'x' : '';
    if (c.key.startsWith('en.')) {
      const v = row.record.en?.[c.key.slice(3) as keyof ProcedureEnglish];
      return Array.isArray(v) ? v.join('\n') : (v ?? '');
    }
    const v = row.record[c.key as Exclude<keyof ProcedureRecord, 'en'>];
    if (c.kind === 'documents') return (v as ProcedureRecord['documents']).map(formatDocumentLine).join('\n');
    if (Array.isArray(v)) return v.join('\n');
    return (v as string | null) ?? '';
  });
}

/** "2026-01-15", "15/01/2026" or "15-01-2026" → "2026-01-15"; null when it is no real day. */
export function parseLocalDate(cell: string): string | null {
  const v = cell.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  const day = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : v.slice(0, 10);
  return isLocalDay(day) && (dmy || v.length === 10) ? day : null;
}

export const procedureHeaders = (): string[] => PROCEDURE_COLUMNS.map((c) => c.header);

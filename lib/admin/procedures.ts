import { parse } from 'csv-parse/sync';
import { z } from 'zod';

import { checkbox, idField, optionalText, requiredText, type RowError } from './form';

// National catalogue codes look like 1.013225 or 2.002286; some provinces add letters.
export const procedureCodeSchema = z
  .string({ error: 'Cần nhập mã thủ tục / code required' })
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.\-_]{0,39}$/, 'Mã thủ tục: 1–40 ký tự chữ, số, . - _ / code: 1–40 letters, digits, . - _');

const procedureFields = {
  name: requiredText(500, 'tên thủ tục'),
  sector: optionalText(200),
  level: optionalText(50),
};

export const procedureCreateSchema = z.object({ code: procedureCodeSchema, ...procedureFields });
export const procedureUpdateSchema = z.object({ id: idField, ...procedureFields, active: checkbox });
export type ProcedureRow = z.output<typeof procedureCreateSchema>;

export const procedureSearchSchema = z.object({
  q: z.string().trim().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

// Headers accepted in a CSV, English or as the province's catalogue spreadsheets name them.
const HEADERS: Record<string, keyof ProcedureRow> = {
  code: 'code',
  'mã': 'code',
  'mã thủ tục': 'code',
  'ma thu tuc': 'code',
  name: 'name',
  'tên': 'name',
  'tên thủ tục': 'name',
  'ten thu tuc': 'name',
  sector: 'sector',
  field: 'sector',
  'lĩnh vực': 'sector',
  'linh vuc': 'sector',
  level: 'level',
  'cấp': 'level',
  'cấp thực hiện': 'level',
  'cap thuc hien': 'level',
};

export const MAX_IMPORT_ROWS = 5000;

export type CsvImport =
  | { ok: true; rows: ProcedureRow[] }
  | { ok: false; message: string; rowErrors: RowError[] };

/**
 * Reads a procedures CSV (header row; comma or semicolon; UTF-8 with or without BOM) and checks
 * every row. All or nothing: any bad row fails the import, with each bad row's line and reasons,
 * so the catalogue never ends up half-imported.
 */
export function parseProcedureCsv(text: string): CsvImport {
  const fail = (message: string, rowErrors: RowError[] = []): CsvImport => ({ ok: false, message, rowErrors });
  if (text.trim() === '') return fail('Tệp CSV trống. / The CSV file is empty.');
  const delimiter = (text.split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records; // the typings ignore `info`
  } catch (err) {
    return fail(`Không đọc được CSV / unreadable CSV: ${(err as Error).message}`);
  }
  const [head, ...body] = records;
  const header = head?.record ?? [];
  const columns = header.map((h) => HEADERS[h.toLowerCase().normalize('NFC')] ?? null);
  const missing = (['code', 'name'] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return fail(`Thiếu cột ${missing.join(', ')} ở dòng tiêu đề (cần: code, name[, sector, level]). / Missing header column(s): ${missing.join(', ')}.`);
  }
  if (body.length === 0) return fail('Tệp CSV không có dòng dữ liệu nào. / No data rows.');
  if (body.length > MAX_IMPORT_ROWS) return fail(`Tối đa ${MAX_IMPORT_ROWS} dòng mỗi lần. / At most ${MAX_IMPORT_ROWS} rows per import.`);

  const rows: ProcedureRow[] = [];
  const rowErrors: RowError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record: cells, info } of body) {
    const line = info.lines; // the file's own line number, blank lines counted
    const record: Record<string, string> = {};
    columns.forEach((column, c) => {
      if (column) record[column] = cells[c] ?? '';
    });
    const messages: string[] = [];
    if (cells.length > header.length) messages.push(`có ${cells.length} cột, tiêu đề có ${header.length} / ${cells.length} columns, header has ${header.length}`);
    const parsed = procedureCreateSchema.safeParse(record);
    if (!parsed.success) for (const issue of parsed.error.issues) messages.push(`${String(issue.path[0] ?? '')}: ${issue.message}`);
    else {
      const earlier = firstLineOf.get(parsed.data.code);
      if (earlier !== undefined) messages.push(`code: mã ${parsed.data.code} trùng dòng ${earlier} / duplicate of line ${earlier}`);
      else firstLineOf.set(parsed.data.code, line);
      rows.push(parsed.data);
    }
    if (messages.length > 0) rowErrors.push({ line, messages });
  }
  if (rowErrors.length > 0) {
    return fail(`${rowErrors.length} dòng lỗi: chưa nhập dòng nào. / ${rowErrors.length} bad row(s): nothing was imported.`, rowErrors);
  }
  return { ok: true, rows };
}

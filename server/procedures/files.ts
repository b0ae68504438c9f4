import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

import { neutralizeCell, UTF8_BOM } from '@/lib/exports/cells';
import {
  parseProcedureCsv,
  parseProcedureTable,
  procedureCells,
  procedureHeaders,
  type ProcedureImportRow,
  type ProcedureTable,
  type TableImport,
} from '@/lib/procedures/columns';
import { localDay } from '@/lib/time/local';
import { fail, type Result } from '@/lib/result';

// The catalogue's files: CSV and XLSX with the columns of lib/procedures/columns.ts, read for an
// import and written for an export.

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // a zip archive: every .xlsx starts so

export const isXlsx = (bytes: Uint8Array) => XLSX_MAGIC.every((b, i) => bytes[i] === b);

/** The text a spreadsheet cell shows: rich text joined, dates as local days, links as their text. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  // Excel dates carry no zone; exceljs reads the day as written at UTC midnight.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v)
      return v.result === undefined || v.result === null
        ? ''
        : String(v.result instanceof Date ? v.result.toISOString().slice(0, 10) : v.result);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

/** The first sheet of a workbook as a table whose lines are the sheet's row numbers. */
export async function readProcedureXlsx(
  bytes: Uint8Array,
): Promise<Result<{ table: ProcedureTable }, 'unreadable_xlsx'>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    return fail('unreadable_xlsx', `Không đọc được tệp Excel / unreadable XLSX: ${(err as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return fail('unreadable_xlsx', 'Tệp Excel trống. / The workbook is empty.');
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = cellText(cell).trim()));
  while (header.length > 0 && header.at(-1) === '') header.pop();
  const rows: ProcedureTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell)));
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    while (cells.length > 0 && cells.at(-1)!.trim() === '') cells.pop();
    if (cells.length > 0) rows.push({ line, cells });
  });
  return { ok: true, table: { header, rows } };
}

/** An uploaded catalogue file, CSV or XLSX (told apart by its first bytes), checked row by row. */
export async function parseProcedureFile(
  bytes: Uint8Array,
  today: string = localDay(Date.now()),
): Promise<TableImport> {
  if (isXlsx(bytes)) {
    const read = await readProcedureXlsx(bytes);
    return read.ok
      ? parseProcedureTable(read.table, today)
      : { ...fail('invalid_procedure_file', read.message), rowErrors: [] };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return parseProcedureCsv(text, today);
}

/** The catalogue as a CSV: UTF-8 with a BOM (so Excel shows Vietnamese), one row per procedure. */
export function procedureCsv(rows: readonly ProcedureImportRow[]): string {
  return (
    UTF8_BOM +
    stringify([procedureHeaders(), ...rows.map((r) => procedureCells(r).map(neutralizeCell))], {
      record_delimiter: '\r\n',
    })
  );
}

/** The catalogue as an XLSX workbook with one sheet, multi-line cells wrapped. */
export async function procedureXlsx(rows: readonly ProcedureImportRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Thủ tục hành chính');
  sheet.addRow(procedureHeaders()).font = { bold: true };
  for (const r of rows) sheet.addRow(procedureCells(r).map(neutralizeCell));
  sheet.columns.forEach((c, i) => {
    c.width = i < 2 ? 24 + i * 30 : 30;
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

import { PassThrough, Readable } from 'node:stream';

import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

import { neutralizeCell, UTF8_BOM } from '@/lib/exports/cells';

export type Cell = string | number | null;

/** Lets other requests run between batches: an export never monopolises the event loop. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** CSV, UTF-8 with BOM, pulled batch by batch as the client reads (backpressure for free). */
export function csvStream(
  header: string[],
  batches: AsyncIterable<Cell[][]> | Iterable<Cell[][]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator =
    Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : toAsync(batches as Iterable<Cell[][]>);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(UTF8_BOM + stringify([header.map(neutralizeCell)])));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(stringify(next.value.map((row) => row.map(neutralizeCell)))));
      await yieldToLoop();
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

export type Sheet = { name: string; header: string[]; batches: AsyncIterable<Cell[][]> | Iterable<Cell[][]> };

/**
 * XLSX through exceljs's streaming writer: rows are committed (written out and forgotten) as they
 * come, and writing pauses while the client is slower than we are.
 */
export function xlsxStream(sheets: Sheet[]): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  (async () => {
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
      const header = ws.addRow(sheet.header.map(neutralizeCell));
      header.font = { bold: true };
      header.commit();
      for await (const batch of sheet.batches) {
        for (const row of batch) ws.addRow(row.map(neutralizeCell)).commit();
        if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
        await yieldToLoop();
      }
      ws.commit();
    }
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** An export as a download: its type, its file name, and never kept by a shared cache. */
export function downloadResponse(body: BodyInit, format: keyof typeof CONTENT_TYPES, fileName: string): Response {
  return new Response(body, {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'private, no-store',
    },
  });
}

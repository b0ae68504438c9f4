import type { Db } from '@/db';
import { exportBatch, type ExportCursor } from '@/db/queries/export-responses';
import { EXCLUDED_FLAGS } from '@/db/schema';
import { formatInstant } from '@/lib/dashboard/format';
import { CHANNEL_LABELS } from '@/lib/dashboard/labels';
import type { Channel } from '@/lib/ingest/channels';
import { questionsOf, valueKeyOf } from '@/lib/survey/elements';
import { localize } from '@/lib/survey/scoring';

import type { Cell } from './export-stream';
import type { ResolvedView } from './view';

const BATCH = 1000;

type Column = { title: string; path: readonly string[] };

/** One column per question, and one per row of a `matrix` (a row is a criterion of its own). */
function answerColumns(view: ResolvedView): Column[] {
  return questionsOf(view.survey.definition).flatMap((q): Column[] => {
    const key = valueKeyOf(q);
    const title = localize(q.title ?? q.name, 'vi');
    if (q.type !== 'matrix') return [{ title, path: [key] }];
    return (q.rows ?? []).map((row) => {
      const value = String(typeof row === 'object' ? row.value : row);
      const rowTitle = typeof row === 'object' && row.text !== undefined ? localize(row.text, 'vi') : value;
      return { title: `${title} – ${rowTitle}`, path: [key, value] };
    });
  });
}

/** The response export's columns: fixed facts, then one per question (or matrix row) titled in Vietnamese. */
export function responseColumns(view: ResolvedView): { header: string[]; questions: Array<readonly string[]> } {
  const questions = answerColumns(view);
  return {
    header: [
      'Mã phiếu',
      'Thời điểm hoàn thành (giờ Việt Nam)',
      'Đơn vị',
      'Quầy',
      'Mã thủ tục',
      'Kênh',
      'Phiên bản phiếu',
      'Bị loại: bấm lặp hoặc gửi dồn dập (không tính vào chỉ số)',
      ...questions.map((q) => q.title),
    ],
    questions: questions.map((q) => q.path),
  };
}

/** Batches of export rows, read with keyset paging as the consumer asks for them. */
export async function* responseBatches(
  db: Db,
  view: ResolvedView,
  questions: Array<readonly string[]>,
): AsyncGenerator<Cell[][]> {
  let cursor: ExportCursor = null;
  const filter = { ...view.filter, includeRepeats: true };
  for (;;) {
    const rows = await exportBatch(db, filter, cursor, BATCH);
    if (rows.length === 0) return;
    yield rows.map((r) => {
      const answers = JSON.parse(r.answers) as Record<string, unknown>;
      return [
        r.id,
        formatInstant(r.completedAt),
        r.unit,
        r.point,
        r.procedure,
        CHANNEL_LABELS[r.channel as Channel]?.vi ?? r.channel,
        r.version,
        r.flags & EXCLUDED_FLAGS ? 'Có' : 'Không',
        ...questions.map((path) => toCell(valueAt(answers, path))),
      ];
    });
    const last = rows[rows.length - 1]!;
    cursor = { completedAt: last.completedAt, id: last.id };
    if (rows.length < BATCH) return;
  }
}

function valueAt(answers: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = answers;
  for (const key of path)
    value =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  return value;
}

function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (Array.isArray(value)) return value.map(String).join('; ');
  return JSON.stringify(value);
}

import type { Db } from '@/db';
import { exportBatch, type ExportCursor } from '@/db/queries/export-responses';
import { EXCLUDED_FLAGS } from '@/db/schema';
import { formatInstant } from '@/lib/dashboard/format';
import { CHANNEL_LABELS } from '@/lib/dashboard/labels';
import type { Channel } from '@/lib/ingest/channels';
import { questionsOf } from '@/lib/survey/elements';
import { localize } from '@/lib/survey/scoring';

import type { Cell } from './export-stream';
import type { ResolvedView } from './view';

const BATCH = 1000;

/** The response export's columns: fixed facts, then one per question titled in Vietnamese. */
export function responseColumns(view: ResolvedView): { header: string[]; questions: string[] } {
  const questions = questionsOf(view.survey.definition);
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
      ...questions.map((q) => localize(q.title ?? q.name, 'vi')),
    ],
    questions: questions.map((q) => q.name),
  };
}

/** Batches of export rows, read with keyset paging as the consumer asks for them. */
export async function* responseBatches(db: Db, view: ResolvedView, questions: string[]): AsyncGenerator<Cell[][]> {
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
        ...questions.map((q) => toCell(answers[q])),
      ];
    });
    const last = rows[rows.length - 1]!;
    cursor = { completedAt: last.completedAt, id: last.id };
    if (rows.length < BATCH) return;
  }
}

function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (Array.isArray(value)) return value.map(String).join('; ');
  return JSON.stringify(value);
}

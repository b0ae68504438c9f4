import type { Db } from '../index';
import { responseConditions } from './response-filter';
import type { RollupFilter } from './rollup-reads';

export type ExportRow = {
  id: string;
  completedAt: number;
  unit: string;
  point: string;
  procedure: string | null;
  channel: string;
  version: number;
  flags: number;
  answers: string;
};

export type ExportCursor = { completedAt: number; id: string } | null;

/**
 * One batch of raw responses in (completed_at, id) order after `cursor`. Keyset paging: each
 * batch is a short read, so a million-row export never holds the connection (which also serves
 * ingest) for long and never holds more than one batch in memory. The dossier number is never
 * exported (personal data, DESIGN §2.4). Repeat-flagged responses are included and marked.
 */
export function exportBatch(db: Db, f: RollupFilter, cursor: ExportCursor, limit: number): ExportRow[] {
  if (f.versionIds.length === 0 || (f.unitIds !== null && f.unitIds.length === 0)) return [];
  const { conds, params } = responseConditions(f);
  if (cursor) {
    conds.push('(r.completed_at > ? OR (r.completed_at = ? AND r.id > ?))');
    params.push(cursor.completedAt, cursor.completedAt, cursor.id);
  }
  return db.$client
    .prepare(
      `SELECT r.id, r.completed_at AS completedAt, u.name AS unit, p.name AS point, pr.code AS procedure, r.channel,
         sv.version, r.flags, r.answers
       FROM responses r
       JOIN units u ON u.id = r.unit_id JOIN service_points p ON p.id = r.point_id
       JOIN survey_versions sv ON sv.id = r.survey_version_id LEFT JOIN procedures pr ON pr.id = r.procedure_id
       WHERE ${conds.join(' AND ')} ORDER BY r.completed_at, r.id LIMIT ?`,
    )
    .all(...params, limit) as ExportRow[];
}

import type { Db } from '../index';
import { responseConditions } from './response-filter';
import type { RollupFilter } from './rollup-reads';

export type CommentRow = { id: string; completedAt: number; point: string; channel: string; comment: string };

/**
 * The latest free-text comments of a scope, newest first, optionally containing `search`
 * (case-insensitive). Reads `pageSize + 1` rows so the caller knows whether a next page exists
 * without counting every comment of a long period.
 */
export function latestComments(
  db: Db,
  f: RollupFilter,
  {
    page,
    pageSize,
    search,
    tone,
  }: {
    page: number;
    pageSize: number;
    search?: string | null;
    /** Only comments whose response rated `question` at least (positive) or below (negative) `satisfiedFrom`. */
    tone?: { question: string; satisfiedFrom: number; positive: boolean } | null;
  },
): { rows: CommentRow[]; hasNext: boolean } {
  if (f.versionIds.length === 0 || (f.unitIds !== null && f.unitIds.length === 0)) return { rows: [], hasNext: false };
  const { conds, params } = responseConditions(f);
  // Only responses with a comment: the partial index responses_comment_idx repeats this WHERE.
  conds.push("json_extract(r.answers, '$.comment') IS NOT NULL");
  if (!f.includeRepeats) conds.push('r.flags & 1 = 0');
  if (search) {
    conds.push("instr(lower(json_extract(r.answers, '$.comment')), lower(?)) > 0");
    params.push(search);
  }
  if (tone) {
    conds.push(`CAST(json_extract(r.answers, ?) AS INTEGER) ${tone.positive ? '>=' : '<'} ?`);
    params.push(`$.${JSON.stringify(tone.question)}`, tone.satisfiedFrom);
  }
  const rows = db.$client
    .prepare(
      `SELECT r.id, r.completed_at AS completedAt, p.name AS point, r.channel,
         CAST(json_extract(r.answers, '$.comment') AS TEXT) AS comment
       FROM responses r JOIN service_points p ON p.id = r.point_id
       WHERE ${conds.join(' AND ')} ORDER BY r.completed_at DESC, r.id LIMIT ? OFFSET ?`,
    )
    .all(...params, pageSize + 1, (page - 1) * pageSize) as CommentRow[];
  return { rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize };
}

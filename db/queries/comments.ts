import { and, asc, desc, eq, sql } from 'drizzle-orm';

import { dialectOf, type Queryable } from '../index';
import { EXCLUDED_FLAGS, responses, servicePoints } from '../schema';
import { responseConditions } from './response-filter';
import type { RollupFilter } from './rollup-reads';

export type CommentRow = { id: string; completedAt: number; point: string; channel: string; comment: string };

/**
 * The latest free-text comments of a scope, newest first, optionally containing `search`
 * (case-insensitive). Reads `pageSize + 1` rows so the caller knows whether a next page exists
 * without counting every comment of a long period.
 */
export async function latestComments(
  db: Queryable,
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
): Promise<{ rows: CommentRow[]; hasNext: boolean }> {
  if (f.versionIds.length === 0 || (f.unitIds !== null && f.unitIds.length === 0)) return { rows: [], hasNext: false };
  const pg = dialectOf(db) === 'postgres';
  const comment = pg
    ? sql<string>`(${responses.answers}::jsonb ->> 'comment')`
    : sql<string>`json_extract(${responses.answers}, '$.comment')`;
  const conds = responseConditions(f);
  // Only responses with a comment: the partial index responses_comment_idx repeats this WHERE.
  conds.push(sql`${comment} IS NOT NULL`);
  if (!f.includeRepeats) conds.push(sql`(${responses.flags} & ${sql.raw(String(EXCLUDED_FLAGS))}) = 0`);
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`lower(${comment}) LIKE lower(${pattern}) ESCAPE '\\'`);
  }
  if (tone) {
    // PostgreSQL would fail the whole query on one answer that is not a number; SQLite reads it as 0.
    const rating = pg
      ? sql`CASE WHEN jsonb_typeof(${responses.answers}::jsonb -> CAST(${tone.question} AS text)) = 'number'
          THEN CAST(${responses.answers}::jsonb ->> CAST(${tone.question} AS text) AS numeric) END`
      : sql`CAST(json_extract(${responses.answers}, ${`$.${JSON.stringify(tone.question)}`}) AS INTEGER)`;
    conds.push(tone.positive ? sql`${rating} >= ${tone.satisfiedFrom}` : sql`${rating} < ${tone.satisfiedFrom}`);
  }
  const rows = await db
    .select({
      id: responses.id,
      completedAt: responses.completedAt,
      point: servicePoints.name,
      channel: responses.channel,
      comment: pg ? comment : sql<string>`CAST(${comment} AS TEXT)`,
    })
    .from(responses)
    .innerJoin(servicePoints, eq(servicePoints.id, responses.pointId))
    .where(and(...conds))
    .orderBy(desc(responses.completedAt), asc(responses.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize };
}

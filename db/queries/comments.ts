import { and, asc, desc, eq, sql } from 'drizzle-orm';

import { dialectOf, type Queryable } from '../index';
import { EXCLUDED_FLAGS, responses, servicePoints } from '../schema';
import { FOLD_TRANSLATION, foldVietnamese } from '@/lib/text/fold';

import { responseConditions } from './response-filter';
import type { RollupFilter } from './rollup-reads';

export type CommentRow = {
  id: string;
  completedAt: number;
  point: string;
  channel: string;
  comment: string;
  /** The response's answer to the rating question asked for (`rating`), when it is a number. */
  rating: number | null;
};

/**
 * The latest free-text comments of a scope, newest first, optionally containing `search`
 * (ignoring case and Vietnamese diacritics: "CHỜ", "cho" and "chờ" find "chờ"), each with its
 * answer to the `rating` question. Reads `pageSize + 1` rows so the caller knows whether a next page exists
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
    rating,
  }: {
    page: number;
    pageSize: number;
    search?: string | null;
    /** Only comments whose response rated `question` at least (positive) or below (negative) `satisfiedFrom`. */
    tone?: { question: string; satisfiedFrom: number; positive: boolean } | null;
    /** The rating question whose answer each row carries (the outcome, or the quick rating). */
    rating?: string | null;
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
    const pattern = `%${foldVietnamese(search).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const folded = pg
      ? sql`lower(translate(${comment}, ${FOLD_TRANSLATION.from}, ${FOLD_TRANSLATION.to}))`
      : sql`fold_vi(${comment})`;
    conds.push(sql`${folded} LIKE ${pattern} ESCAPE '\\'`);
  }
  if (tone) {
    const value = numericAnswer(pg, tone.question);
    conds.push(tone.positive ? sql`${value} >= ${tone.satisfiedFrom}` : sql`${value} < ${tone.satisfiedFrom}`);
  }
  const rows = await db
    .select({
      id: responses.id,
      completedAt: responses.completedAt,
      point: servicePoints.name,
      channel: responses.channel,
      comment: pg ? comment : sql<string>`CAST(${comment} AS TEXT)`,
      rating: rating ? sql<number | null>`${numericAnswer(pg, rating)}` : sql<null>`NULL`,
    })
    .from(responses)
    .innerJoin(servicePoints, eq(servicePoints.id, responses.pointId))
    .where(and(...conds))
    .orderBy(desc(responses.completedAt), asc(responses.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  const page_ = rows.slice(0, pageSize).map((r) => ({ ...r, rating: r.rating === null ? null : Number(r.rating) }));
  return { rows: page_, hasNext: rows.length > pageSize };
}

/** A numeric answer of the response, or NULL: PostgreSQL would fail the whole query on one answer that is not a number. */
function numericAnswer(pg: boolean, question: string) {
  return pg
    ? sql`CASE WHEN jsonb_typeof(${responses.answers}::jsonb -> CAST(${question} AS text)) = 'number'
        THEN CAST(${responses.answers}::jsonb ->> CAST(${question} AS text) AS numeric) END`
    : sql`CASE WHEN json_type(${responses.answers}, ${`$.${JSON.stringify(question)}`}) = 'integer'
        THEN json_extract(${responses.answers}, ${`$.${JSON.stringify(question)}`}) END`;
}

import type { Db } from '@/db';
import { readAnswerCounts, readAnswerCountsBy, type AnswerGroup, type RollupFilter } from '@/db/queries/rollup-reads';
import { RESPONSES_QUESTION } from '@/db/queries/rollup-writes';
import { answerCountsFromRows, computeIndices, type IndicesResult, type Scoring } from '@/lib/indices';

/** The `/api/indices` figures of one scope, read from the answer rollups. */
export async function indicesFor(
  db: Db,
  scoring: Scoring,
  filter: RollupFilter,
  minResponses: number,
): Promise<IndicesResult> {
  const { responses, rows } = await readAnswerCounts(db, filter);
  return computeIndices({ scoring, counts: answerCountsFromRows(rows), responses, options: { minResponses } });
}

/**
 * The indices of every group of a scope (unit, desk, channel, procedure, month or day) from one
 * read, each by the same method as `indicesFor`, so a ranking row equals /api/indices for its scope.
 */
export async function indicesBy(
  db: Db,
  scoring: Scoring,
  filter: RollupFilter,
  group: AnswerGroup,
  minResponses: number,
): Promise<Map<string, IndicesResult>> {
  const byKey = new Map<string, { responses: number; rows: { question: string; value: number; count: number }[] }>();
  for (const row of await readAnswerCountsBy(db, filter, group)) {
    let entry = byKey.get(row.key);
    if (!entry) byKey.set(row.key, (entry = { responses: 0, rows: [] }));
    if (row.question === RESPONSES_QUESTION) entry.responses += Number(row.count);
    else entry.rows.push({ question: row.question, value: Number(row.value), count: Number(row.count) });
  }
  const out = new Map<string, IndicesResult>();
  for (const [key, { responses, rows }] of byKey) {
    out.set(key, computeIndices({ scoring, counts: answerCountsFromRows(rows), responses, options: { minResponses } }));
  }
  return out;
}

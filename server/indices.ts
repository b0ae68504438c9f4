import type { Db } from '@/db';
import { readAnswerCounts, type RollupFilter } from '@/db/queries/rollup-reads';
import { answerCountsFromRows, computeIndices, type IndicesResult, type Scoring } from '@/lib/indices';

/** The §4.3 indices of one scope, read from the answer rollups. */
export async function indicesFor(db: Db, scoring: Scoring, filter: RollupFilter, minResponses: number): Promise<IndicesResult> {
  const { responses, rows } = await readAnswerCounts(db, filter);
  return computeIndices({ scoring, counts: answerCountsFromRows(rows), responses, options: { minResponses } });
}

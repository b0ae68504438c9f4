import { indexCriteria, respondentScoreRows, type IndexCriteria } from './respondent';

/** Per question of the index (declared dimension), its element and lowest value counted as satisfied. */
export type IndexThresholds = IndexCriteria;

/** Accepts the indices' Scoring as well as the survey's (whose titles may still be localized). */
export const indexThresholds = indexCriteria;

/**
 * The activity counts of one response: how many of its answers enter the index, how many of
 * those are satisfied, and the respondent's own scores (lib/indices/respondent.ts) that the
 * answer rollups keep for respondent-level intervals. Summed over a scope, satisfied ÷ answers is
 * the pooled rate the heatmap shows; every index is computed from the answer rollups instead.
 */
export function activityOf(
  thresholds: IndexThresholds,
  scored: readonly { question: string; value: number }[],
): { answers: number; satisfied: number; scores: { question: string; value: number }[] } {
  let answers = 0;
  let satisfied = 0;
  for (const { question, value } of scored) {
    const criterion = thresholds.get(question);
    if (criterion === undefined) continue;
    answers += 1;
    if (value >= criterion.satisfiedFrom) satisfied += 1;
  }
  return { answers, satisfied, scores: respondentScoreRows(thresholds, scored) };
}

/** Per question of the index (declared dimension), the lowest value counted as satisfied. */
export type IndexThresholds = ReadonlyMap<string, number>;

/** Accepts the indices' Scoring as well as the survey's (whose titles may still be localized). */
export function indexThresholds(scoring: {
  dimensions: readonly { name: string }[];
  questions: readonly { name: string; dimension: string | null; satisfiedFrom: number }[];
}): IndexThresholds {
  const declared = new Set(scoring.dimensions.map((d) => d.name));
  const thresholds = new Map<string, number>();
  for (const q of scoring.questions) {
    if (q.dimension !== null && declared.has(q.dimension)) thresholds.set(q.name, q.satisfiedFrom);
  }
  return thresholds;
}

/**
 * The activity counts of one response: how many of its answers enter the index and how many of
 * those are satisfied. Summed over a scope, satisfied ÷ answers is the pooled satisfaction rate
 * used by trends, rankings and the heatmap (the exact SIPAS mean of means needs per-question
 * counts and is computed from the answer rollups instead).
 */
export function activityOf(
  thresholds: IndexThresholds,
  scored: readonly { question: string; value: number }[],
): { answers: number; satisfied: number } {
  let answers = 0;
  let satisfied = 0;
  for (const { question, value } of scored) {
    const from = thresholds.get(question);
    if (from === undefined) continue;
    answers += 1;
    if (value >= from) satisfied += 1;
  }
  return { answers, satisfied };
}

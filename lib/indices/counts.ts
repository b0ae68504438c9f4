import type { AnswerCounts, ValueCounts } from './types';

/** One row of a rollup query: how many answers `question` got with `value`. */
export interface AnswerCountRow {
  question: string;
  value: number;
  count: number;
}

/**
 * Folds rollup rows (one per day × scope × question × value) into per-question counts, summing
 * repeated (question, value) pairs so the query may group by as little as it likes.
 */
export function answerCountsFromRows(rows: Iterable<AnswerCountRow>): AnswerCounts {
  const byQuestion = new Map<string, Map<number, number>>();
  for (const { question, value, count } of rows) {
    let byValue = byQuestion.get(question);
    if (byValue === undefined) {
      byValue = new Map<number, number>();
      byQuestion.set(question, byValue);
    }
    byValue.set(value, (byValue.get(value) ?? 0) + count);
  }
  return byQuestion;
}

export interface ScaleTally {
  /** Answers whose value is on the scale. */
  n: number;
  /** Every scale value as a string key, zeros included, in scale order. */
  distribution: Record<string, number>;
}

/**
 * Counts only values that are on the scale. A "not applicable" or skipped answer is either absent
 * from the counts or carries a value off the scale; both are left out of n, as SIPAS requires
 * (docs/domain.md, SIPAS: out of numerator and denominator).
 */
export function tallyOnScale(scale: readonly number[], counts: ValueCounts | undefined): ScaleTally {
  const distribution: Record<string, number> = {};
  let n = 0;
  for (const value of scale) {
    const count = counts?.get(value) ?? 0;
    distribution[String(value)] = count;
    n += count;
  }
  return { n, distribution };
}

/** Sum of the counts whose value passes `include`, restricted to the scale. */
export function countOnScale(
  scale: readonly number[],
  counts: ValueCounts | undefined,
  include: (value: number) => boolean,
): number {
  let total = 0;
  for (const value of scale) {
    if (include(value)) total += counts?.get(value) ?? 0;
  }
  return total;
}

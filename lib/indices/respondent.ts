/**
 * Per-respondent scores: what lets an interval treat the person, not the answer, as the sampling
 * unit (docs/decisions/0005-respondent-intervals.md).
 *
 * A respondent's element score is the share of their answered criteria of that element that are
 * satisfied; their overall score is the mean of their element scores. When every respondent
 * answers every criterion, the index (criterion → element → overall) is exactly the mean of these
 * scores, so the variance of the index is the variance of a mean of independent people.
 *
 * The rollups keep, per cell, how many respondents had each score (in whole percent) under
 * pseudo-questions that no survey question can be named (names start with a letter, see
 * lib/survey/definition-schema.ts): `~` for the overall score, `~<element>` for an element's.
 */

/** The pseudo-question holding the distribution of respondents' overall scores. */
export const OVERALL_SCORE_QUESTION = '~';

export function elementScoreQuestion(element: string): string {
  return `~${element}`;
}

export function isScoreQuestion(question: string): boolean {
  return question.startsWith('~');
}

/** The criteria of the index: question → its element and lowest satisfied value. */
export type IndexCriteria = ReadonlyMap<string, { dimension: string; satisfiedFrom: number }>;

export function indexCriteria(scoring: {
  dimensions: readonly { name: string }[];
  questions: readonly { name: string; dimension: string | null; satisfiedFrom: number }[];
}): IndexCriteria {
  const declared = new Set(scoring.dimensions.map((d) => d.name));
  const criteria = new Map<string, { dimension: string; satisfiedFrom: number }>();
  for (const q of scoring.questions) {
    if (q.dimension !== null && declared.has(q.dimension))
      criteria.set(q.name, { dimension: q.dimension, satisfiedFrom: q.satisfiedFrom });
  }
  return criteria;
}

/**
 * The score rows one response adds to the answer rollups: one per element it answered and one
 * overall, each in whole percent (0–100). Rounding a person's score to a whole point changes the
 * variance of a mean by at most 1/12 point² per person (Sheppard), far below what is estimated.
 * Elements are taken in name order so the sum is the same on every path (the rebuild's SQL too).
 */
export function respondentScoreRows(
  criteria: IndexCriteria,
  scored: readonly { question: string; value: number }[],
): { question: string; value: number }[] {
  const byElement = new Map<string, { answered: number; satisfied: number }>();
  for (const { question, value } of scored) {
    const c = criteria.get(question);
    if (c === undefined) continue;
    const e = byElement.get(c.dimension) ?? { answered: 0, satisfied: 0 };
    e.answered += 1;
    if (value >= c.satisfiedFrom) e.satisfied += 1;
    byElement.set(c.dimension, e);
  }
  if (byElement.size === 0) return [];
  const rows: { question: string; value: number }[] = [];
  let sum = 0;
  for (const name of [...byElement.keys()].sort()) {
    const e = byElement.get(name)!;
    const share = e.satisfied / e.answered;
    sum += share;
    rows.push({ question: elementScoreQuestion(name), value: percentOf(share) });
  }
  rows.push({ question: OVERALL_SCORE_QUESTION, value: percentOf(sum / byElement.size) });
  return rows;
}

/**
 * Whole percent of a share in [0, 1], half away from zero. A person's share is a fraction with a
 * small denominator, which never lies within floating-point noise of a half point unless it is
 * one exactly (e.g. 1/8 = 12.5 %), and those are exact in binary.
 */
export function percentOf(share: number): number {
  return Math.round(share * 100 + 1e-9);
}

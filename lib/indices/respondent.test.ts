import { describe, expect, test } from 'vitest';

import { indexCriteria, percentOf, respondentScoreRows } from './respondent';

const five = [1, 2, 3, 4, 5];
const criteria = indexCriteria({
  dimensions: [{ name: 'access' }, { name: 'staff' }],
  questions: [
    { name: 'a1', dimension: 'access', satisfiedFrom: 4 },
    { name: 'a2', dimension: 'access', satisfiedFrom: 4 },
    { name: 'a3', dimension: 'access', satisfiedFrom: 4 },
    { name: 's1', dimension: 'staff', satisfiedFrom: 4 },
    { name: 'overall', dimension: null, satisfiedFrom: 4 },
  ].map((q) => ({ ...q, values: five })),
});

describe('respondentScoreRows', () => {
  test.each([
    // access 2 of 3 → 66.67 → 67; staff 1 of 1 → 100; overall (2/3 + 1)/2 = 83.33 → 83.
    { answers: { a1: 5, a2: 4, a3: 2, s1: 4 }, rows: { '~access': 67, '~staff': 100, '~': 83 } },
    // a3 skipped: access 1 of 2 → 50; staff 0 → 0; overall 25.
    { answers: { a1: 5, a2: 3, s1: 1 }, rows: { '~access': 50, '~staff': 0, '~': 25 } },
    // Only staff answered: the overall is that element's score; `overall` is outside the index.
    { answers: { s1: 5, overall: 1 }, rows: { '~staff': 100, '~': 100 } },
    { answers: { overall: 5 }, rows: {} },
  ])('$answers → $rows', ({ answers, rows }) => {
    const scored = Object.entries(answers).map(([question, value]) => ({ question, value }));
    expect(Object.fromEntries(respondentScoreRows(criteria, scored).map((r) => [r.question, r.value]))).toEqual(rows);
  });

  test.each([
    [1 / 8, 13], // 12.5 exactly: half rounds up
    [5 / 6, 83],
    [(1 / 3 + 2 / 3 + 1) / 3, 67], // 66.67, whatever the order of the sum
    [0, 0],
    [1, 100],
  ])('percentOf(%d) = %i', (share, percent) => {
    expect(percentOf(share)).toBe(percent);
  });
});

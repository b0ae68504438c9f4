import { describe, expect, test } from 'vitest';

import { activityOf, indexThresholds } from './activity';
import type { Scoring } from './types';

const scoring: Scoring = {
  dimensions: [{ name: 'access', title: 'Tiếp cận' }],
  questions: [
    { name: 'a1', title: 'A1', dimension: 'access', values: [1, 2, 3, 4, 5], satisfiedFrom: 4 },
    { name: 'a2', title: 'A2', dimension: 'access', values: [1, 2, 3], satisfiedFrom: 2 },
    { name: 'overall', title: 'Overall', dimension: null, values: [1, 2, 3, 4, 5], satisfiedFrom: 4 },
    { name: 'stray', title: 'Undeclared', dimension: 'nowhere', values: [1, 2], satisfiedFrom: 2 },
  ],
};

describe('activityOf', () => {
  const thresholds = indexThresholds(scoring);

  test('only questions of a declared dimension count', () => {
    expect([...thresholds]).toEqual([
      ['a1', { dimension: 'access', satisfiedFrom: 4 }],
      ['a2', { dimension: 'access', satisfiedFrom: 2 }],
    ]);
  });

  test.each([
    // a1 = 4 satisfied, a2 = 1 not, overall and stray ignored → 1 of 2; the person's access score 50 %.
    [
      [
        { question: 'a1', value: 4 },
        { question: 'a2', value: 1 },
        { question: 'overall', value: 5 },
        { question: 'stray', value: 2 },
      ],
      1,
      2,
      50,
    ],
    // a1 = 3 is "Bình thường": answered, not satisfied.
    [[{ question: 'a1', value: 3 }], 0, 1, 0],
    [
      [
        { question: 'a2', value: 2 },
        { question: 'a1', value: 5 },
      ],
      2,
      2,
      100,
    ],
  ])('%j → %i satisfied of %i, score %i %%', (scored, satisfied, answers, score) => {
    expect(activityOf(thresholds, scored)).toEqual({
      answers,
      satisfied,
      scores: [
        { question: '~access', value: score },
        { question: '~', value: score },
      ],
    });
  });

  test('no index answer: no score', () => {
    expect(activityOf(thresholds, [])).toEqual({ answers: 0, satisfied: 0, scores: [] });
  });
});

import { describe, expect, test } from 'vitest';

import { computeIndices } from './compute';
import { answerCountsFromRows } from './counts';
import { respondentInterval, scoreMoments } from './respondent-interval';
import type { Scoring } from './types';
import { wilsonInterval } from './wilson';

const five = [1, 2, 3, 4, 5];
const scoring: Scoring = {
  dimensions: [
    { name: 'a', title: 'A' },
    { name: 'b', title: 'B' },
  ],
  questions: ['a1', 'a2', 'b1', 'b2'].map((name) => ({
    name,
    title: name,
    dimension: name[0]!,
    values: five,
    satisfiedFrom: 4,
  })),
};

const rows = (table: Record<string, Record<number, number>>) =>
  answerCountsFromRows(
    Object.entries(table).flatMap(([question, byValue]) =>
      Object.entries(byValue).map(([v, count]) => ({ question, value: Number(v), count })),
    ),
  );

describe('scoreMoments', () => {
  test('from whole-percent scores', () => {
    // 2 people at 100 %, 1 at 50 %: m 3, Σs = 2.5, Σs² = 2.25.
    expect(
      scoreMoments(
        new Map([
          [100, 2],
          [50, 1],
        ]),
      ),
    ).toEqual({ m: 3, sum: 2.5, sumOfSquares: 2.25 });
  });
});

describe('respondentInterval', () => {
  test('answers perfectly alike within each person: as wide as that many single answers', () => {
    // 40 people, 30 answer every criterion 5 and 10 every criterion 2: every criterion 30/40,
    // index 75, each person's score 1 or 0 → Var = (30·0.25² + 10·0.75²)/40² = 7.5/1600
    // = 0.75·0.25/40: n* = 40, the Wilson interval of 30 of 40 single answers, not of 120 of 160.
    const counts = rows({
      a1: { 5: 30, 2: 10 },
      a2: { 5: 30, 2: 10 },
      b1: { 5: 30, 2: 10 },
      b2: { 5: 30, 2: 10 },
      '~a': { 100: 30, 0: 10 },
      '~b': { 100: 30, 0: 10 },
      '~': { 100: 30, 0: 10 },
    });
    const result = computeIndices({ scoring, counts, responses: 40, options: { minResponses: 30 } });
    expect(result.index).toBe(75);
    expect(result.effectiveN).toBeCloseTo(40, 9);
    const single = wilsonInterval(30, 40)!.map((x) => Math.round(x * 100) / 100);
    expect(result.ci95).toEqual(single); // [59.81, 85.81]
    expect(result.dimensions[0]!.ci95).toEqual(single);
    const asIfIndependent = wilsonInterval(120, 160)!;
    expect(result.ci95![1] - result.ci95![0]).toBeGreaterThan(asIfIndependent[1] - asIfIndependent[0] + 10);
  });

  test('independent-looking answers narrow the interval, never beyond that of every answer', () => {
    // Every person has the same score 75 %: no spread between people tells nothing of their
    // agreement, so n* falls back to the people: Wilson of 30 of 40.
    const same = respondentInterval({
      index: 75,
      moments: { m: 40, sum: 30, sumOfSquares: 40 * 0.5625 },
      answers: 160,
    })!;
    expect(same.effectiveN).toBe(40);
    // Scores 50 % and 100 % half each (index 75): Var = 0.25²/40 = 0.0015625 → n* = 0.1875/0.0015625 = 120.
    const mixed = respondentInterval({
      index: 75,
      moments: { m: 40, sum: 30, sumOfSquares: 20 * 0.25 + 20 },
      answers: 160,
    })!;
    expect(mixed.effectiveN).toBeCloseTo(120, 9);
    // Scores 70 % and 80 %: Var = 0.05²/40 → n* = 0.1875/0.0000625 = 3000, capped at the 160 answers.
    const tight = respondentInterval({
      index: 75,
      moments: { m: 40, sum: 30, sumOfSquares: 20 * 0.49 + 20 * 0.64 },
      answers: 160,
    })!;
    expect(tight.effectiveN).toBe(160);
  });

  test('no scores kept (rollups from before them): the widest case, one answer per person', () => {
    const counts = rows({ a1: { 5: 30, 2: 10 }, a2: { 5: 20, 2: 20 }, b1: { 5: 40 }, b2: { 5: 40 } });
    const result = computeIndices({ scoring, counts, responses: 40, options: { minResponses: 30 } });
    // a = (75 + 50)/2 = 62.5, b = 100, overall 81.25 with n* = 40 people.
    expect(result.index).toBe(81.25);
    expect(result.effectiveN).toBe(40);
  });
});

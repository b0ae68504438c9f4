import { describe, expect, test } from 'vitest';

import { computeIndices } from './compute';
import { dissatisfiedCounts } from './overall-interval';
import type { Scoring } from './types';

const five = [1, 2, 3, 4, 5];
const scoring: Scoring = {
  dimensions: [
    { name: 'a', title: 'A' },
    { name: 'b', title: 'B' },
  ],
  questions: [
    { name: 'a1', title: 'A1', dimension: 'a', values: five, satisfiedFrom: 4 },
    { name: 'a2', title: 'A2', dimension: 'a', values: five, satisfiedFrom: 4 },
    { name: 'b1', title: 'B1', dimension: 'b', values: five, satisfiedFrom: 4 },
  ],
};

const counts = (entries: Record<string, Record<number, number>>) =>
  new Map(
    Object.entries(entries).map(([q, byValue]) => [
      q,
      new Map(Object.entries(byValue).map(([v, c]) => [Number(v), c])),
    ]),
  );

describe('dissatisfiedCounts', () => {
  test('share of answers below the middle of the scale', () => {
    // a1: 80 of 100 satisfied, a2: 60 of 100, b1: 90 of 100.
    // A = (80 + 60) / 2 = 70, B = 90, overall = 80.
    const result = computeIndices({
      scoring,
      counts: counts({ a1: { 4: 80, 2: 20 }, a2: { 5: 60, 3: 40 }, b1: { 4: 90, 1: 10 } }),
      responses: 100,
      options: { minResponses: 30 },
    });
    expect(result.index).toBe(80);
    // Below the middle (3): a1 20 × "2", b1 10 × "1" → 30 of 300.
    expect(dissatisfiedCounts(result)).toEqual({ count: 30, n: 300 });
  });

  test('one criterion: its Wilson interval and below-middle share; suppressed: null', () => {
    const one: Scoring = {
      dimensions: [{ name: 's', title: 'S' }],
      questions: [{ name: 'q', title: 'Q', dimension: 's', values: [1, 2, 3], satisfiedFrom: 2 }],
    };
    const result = computeIndices({
      scoring: one,
      counts: counts({ q: { 3: 30, 2: 6, 1: 4 } }),
      responses: 40,
      options: { minResponses: 30 },
    });
    // The overall of a single criterion keeps that criterion's Wilson interval.
    expect(result.ci95).toEqual([76.95, 96.04]);
    // On 1–3 only "1" is below the middle (2).
    expect(dissatisfiedCounts(result)).toEqual({ count: 4, n: 40 });
    const thin = computeIndices({
      scoring: one,
      counts: counts({ q: { 3: 3 } }),
      responses: 3,
      options: { minResponses: 30 },
    });
    expect(thin.ci95).toBeNull();
  });
});

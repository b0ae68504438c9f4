import { describe, expect, test } from 'vitest';

import { backoffDelay, delayAfter, verdictFor } from './retry';

describe('verdictFor', () => {
  test.each([
    [201, 'delivered'],
    [200, 'delivered'],
    [null, 'retry'], // offline: never got an answer
    [500, 'retry'],
    [503, 'retry'],
    [429, 'retry'],
    [408, 'retry'],
    [400, 'rejected'],
    [404, 'rejected'],
    [409, 'rejected'],
    [413, 'rejected'],
    [422, 'rejected'],
  ] as const)('status %s → %s', (status, verdict) => {
    expect(verdictFor(status)).toBe(verdict);
  });
});

describe('backoffDelay', () => {
  test.each([
    // attempt, random, expected: ceiling = min(60 000, 1 000 × 2^attempt) × random, floor 250
    [0, 1, 1_000],
    [1, 1, 2_000],
    [3, 0.5, 4_000], // 8 000 × 0.5
    [10, 1, 60_000], // 1 024 000 capped at 60 000
    [10, 0, 250], // never a busy loop
    [2, 0.25, 1_000], // 4 000 × 0.25
  ])('attempt %i, random %f → %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, random)).toBe(expected);
  });

  test('Retry-After longer than our own delay wins', () => {
    expect(delayAfter(0, 1, 30)).toBe(30_000);
    expect(delayAfter(5, 1, 1)).toBe(32_000);
    expect(delayAfter(1, 1, null)).toBe(2_000);
  });
});

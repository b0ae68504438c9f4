import { describe, expect, test } from 'vitest';

import { rankByIndex } from './ranking';
import type { IndicesResult } from './types';

/** A computed row: only what ranking reads. */
function result(index: number | null, responses: number, effectiveN = responses): IndicesResult {
  return {
    responses,
    answers: responses * 22,
    index,
    ci95: index === null ? null : [index - 5, index + 5],
    effectiveN: index === null ? null : effectiveN,
    suppressed: index === null,
    dimensions: [],
  };
}

describe('rankByIndex', () => {
  test('sorts by index, then respondents, then label; equal indices share a rank; suppressed rows apart', () => {
    const { ranked, suppressed } = rankByIndex({
      rows: [
        { key: 'b', label: 'Bắc', result: result(80, 40) },
        { key: 'a', label: 'An', result: result(90, 40) },
        { key: 'c', label: 'Cần', result: result(80, 60) },
        { key: 'd', label: 'Đông', result: result(null, 2) }, // 2 respondents: never ranked
        { key: 'e', label: 'Em', result: result(null, 12) },
      ],
      benchmark: null,
    });
    expect(ranked.map((r) => [r.rank, r.key, r.responses, r.n])).toEqual([
      [1, 'a', 40, 880],
      [2, 'c', 60, 1320],
      [2, 'b', 40, 880],
    ]);
    expect(suppressed).toEqual([
      { key: 'e', label: 'Em', responses: 12, n: 264 },
      { key: 'd', label: 'Đông', responses: 2, n: 44 },
    ]);
  });

  test('verdicts come from the test, not from the position', () => {
    // B = 80, n* = 400 (SE 2 points): 81 and 79 are inside; 86 above (z 3), 74 below (z −3).
    const { ranked } = rankByIndex({
      rows: [
        { key: 'w', label: 'W', result: result(74, 400) },
        { key: 'x', label: 'X', result: result(79, 400) },
        { key: 'y', label: 'Y', result: result(81, 400) },
        { key: 'z', label: 'Z', result: result(86, 400) },
      ],
      benchmark: 80,
      target: 90,
    });
    expect(ranked.map((r) => [r.key, r.verdict])).toEqual([
      ['z', 'above'],
      ['y', 'within'],
      ['x', 'within'],
      ['w', 'below'],
    ]);
    // Against a target of 90 (SE 1.5): 86 is z −2.67 (p 0.0076 × 1 after three smaller ones) → below.
    expect(ranked.map((r) => r.targetVerdict)).toEqual(['below', 'below', 'below', 'below']);
  });

  test('no benchmark: every row within', () => {
    const { ranked } = rankByIndex({ rows: [{ key: 'a', label: 'A', result: result(99, 400) }], benchmark: null });
    expect(ranked[0]!.verdict).toBe('within');
  });
});

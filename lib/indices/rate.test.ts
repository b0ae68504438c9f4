import { describe, expect, test } from 'vitest';
import { answerCountsFromRows } from './counts';
import { meanScore, proportionRate, quickRating } from './rate';

const values = (table: Record<number, number>): Map<number, number> =>
  new Map(Object.entries(table).map(([value, count]) => [Number(value), count]));

describe('quickRating (1 Không hài lòng · 2 Hài lòng · 3 Rất hài lòng)', () => {
  test('satisfied = top two of three, dissatisfied = value 1', () => {
    // 6 × 1, 20 × 2, 14 × 3 → n = 40; satisfied (2 or 3) 34 of 40 = 85 %, dissatisfied 6 of 40 = 15 %.
    // An off-scale 0 (no answer) is not counted.
    const rating = quickRating({ counts: values({ 1: 6, 2: 20, 3: 14, 0: 5 }), minResponses: 30 });
    expect(rating).toStrictEqual({
      n: 40,
      suppressed: false,
      distribution: { '1': 6, '2': 20, '3': 14 },
      satisfied: { count: 34, n: 40, percent: 85, ci95: [70.93, 92.94], suppressed: false },
      dissatisfied: { count: 6, n: 40, percent: 15, ci95: [7.06, 29.07], suppressed: false },
    });
  });

  test.each([
    { n: 29, suppressed: true, percent: null },
    { n: 30, suppressed: false, percent: 100 },
  ])('n = $n of minResponses 30 → suppressed: $suppressed', ({ n, suppressed, percent }) => {
    const rating = quickRating({ counts: values({ 3: n }), minResponses: 30 });
    expect(rating.suppressed).toBe(suppressed);
    expect(rating.satisfied.percent).toBe(percent);
    expect(rating.dissatisfied.percent).toBe(percent === null ? null : 0);
    expect(rating.distribution).toEqual({ '1': 0, '2': 0, '3': n });
  });

  test('no answers at all is suppressed, not a division by zero', () => {
    expect(quickRating({ counts: undefined, minResponses: 0 })).toMatchObject({ n: 0, suppressed: true });
  });
});

describe('meanScore', () => {
  test('mean with a normal interval, clamped to the scale', () => {
    // 5, 5, 4, 3 → mean 17/4 = 4.25; squared deviations 2·0.75² + 0.25² + 1.25² = 2.75;
    // s² = 2.75/3 = 0.9167; half-width = 1.96·√(0.9167/4) = 0.938 → [3.31, 5.19], clamped to [3.31, 5].
    const mean = meanScore({ values: [1, 2, 3, 4, 5], counts: values({ 5: 2, 4: 1, 3: 1 }), minResponses: 4 });
    expect(mean).toStrictEqual({
      n: 4,
      mean: 4.25,
      ci95: [3.31, 5],
      suppressed: false,
      distribution: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 2 },
    });
  });

  test.each([
    // 3 × 1, 1 × 3 on a 1–3 scale, minResponses 5 → 4 answers: suppressed.
    { minResponses: 5, mean: null, suppressed: true },
    // minResponses 4: mean = (3 + 3)/4 = 1.5.
    { minResponses: 4, mean: 1.5, suppressed: false },
  ])('minResponses $minResponses → mean $mean', ({ minResponses, mean, suppressed }) => {
    const result = meanScore({ values: [1, 2, 3], counts: values({ 1: 3, 3: 1 }), minResponses });
    expect(result).toMatchObject({ n: 4, mean, suppressed });
  });

  test('a single answer has a mean but no interval', () => {
    expect(meanScore({ values: [1, 2, 3], counts: values({ 2: 1 }), minResponses: 1 })).toMatchObject({
      mean: 2,
      ci95: null,
    });
  });
});

describe('proportionRate', () => {
  test('rejects a negative minimum', () => {
    expect(() => proportionRate({ count: 1, n: 2, minResponses: -1 })).toThrow(RangeError);
  });
});

describe('answerCountsFromRows', () => {
  test('sums repeated (question, value) rows and is safe for any question name', () => {
    // Two days of rollups for the same cell: 3 + 4 = 7. 'constructor' is a plain question here.
    const counts = answerCountsFromRows([
      { question: 'q', value: 5, count: 3 },
      { question: 'q', value: 5, count: 4 },
      { question: 'q', value: 4, count: 1 },
    ]);
    expect(counts.get('q')).toEqual(
      new Map([
        [5, 7],
        [4, 1],
      ]),
    );
    expect(counts.get('constructor')).toBeUndefined();
  });
});

import { describe, expect, test } from 'vitest';
import { computeIndices, computeUnindexedRates } from './compute';
import { answerCountsFromRows } from './counts';
import type { AnswerCounts, ScoredQuestion, Scoring } from './types';

const FIVE = [1, 2, 3, 4, 5];
const THREE = [1, 2, 3];

/** `{ q1: { 5: 2, 4: 1 } }` → counts, so fixtures read like the distributions they stand for. */
function countsOf(table: Record<string, Record<number, number>>): AnswerCounts {
  return answerCountsFromRows(
    Object.entries(table).flatMap(([question, byValue]) =>
      Object.entries(byValue).map(([value, count]) => ({ question, value: Number(value), count })),
    ),
  );
}

function criterion(name: string, dimension: string | null, values = FIVE, satisfiedFrom = 4): ScoredQuestion {
  return { name, title: `Title ${name}`, dimension, values, satisfiedFrom };
}

const twoElements: Scoring = {
  dimensions: [
    { name: 'access', title: 'Tiếp cận dịch vụ' },
    { name: 'staff', title: 'Công chức' },
  ],
  questions: [
    criterion('a1', 'access'),
    criterion('a2', 'access'),
    criterion('s1', 'staff'),
    criterion('overall', null),
  ],
};

describe('computeIndices', () => {
  test('returns the /api/indices shape with every level computed from counts', () => {
    // a1: 3 of 4 satisfied → 75 %; a2: 2 of 4 → 50 %; access = (75 + 50)/2 = 62.5
    // s1: 4 of 5 → 80 %; staff = 80; overall = (62.5 + 80)/2 = 71.25
    const counts = countsOf({
      a1: { 5: 2, 4: 1, 3: 1 },
      a2: { 4: 2, 2: 2 },
      s1: { 5: 4, 1: 1 },
      overall: { 5: 5 },
    });
    const result = computeIndices({ scoring: twoElements, counts, responses: 5, options: { minResponses: 4 } });
    expect(result).toMatchObject({
      responses: 5,
      index: 71.25,
      suppressed: false,
      dimensions: [
        {
          name: 'access',
          title: 'Tiếp cận dịch vụ',
          index: 62.5,
          suppressed: false,
          criteria: [
            {
              question: 'a1',
              title: 'Title a1',
              n: 4,
              satisfied: 3,
              index: 75,
              ci95: [30.06, 95.44],
              suppressed: false,
              distribution: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 2 },
            },
            {
              question: 'a2',
              title: 'Title a2',
              n: 4,
              satisfied: 2,
              index: 50,
              ci95: [15, 85],
              suppressed: false,
              distribution: { '1': 0, '2': 2, '3': 0, '4': 2, '5': 0 },
            },
          ],
        },
        {
          name: 'staff',
          title: 'Công chức',
          index: 80,
          suppressed: false,
          criteria: [
            {
              question: 's1',
              title: 'Title s1',
              n: 5,
              satisfied: 4,
              index: 80,
              ci95: [37.55, 96.38],
              suppressed: false,
              distribution: { '1': 1, '2': 0, '3': 0, '4': 0, '5': 4 },
            },
          ],
        },
      ],
    });
  });

  test('leaves skipped and not-applicable answers out of numerator and denominator', () => {
    // a1 has 3 on-scale answers (5, 5, 2) plus 7 answers off the scale (0 = "không áp dụng");
    // 2 of 3 → 66.67 %, not 2 of 10 and not 9 of 10. a2 has no answers at all → n = 0.
    const counts = countsOf({ a1: { 5: 2, 2: 1, 0: 7 } });
    const result = computeIndices({ scoring: twoElements, counts, responses: 10, options: { minResponses: 1 } });
    const [a1, a2] = result.dimensions[0]?.criteria ?? [];
    expect(a1).toMatchObject({ n: 3, satisfied: 2, index: 66.67 });
    expect(a1?.distribution).toEqual({ '1': 0, '2': 1, '3': 0, '4': 0, '5': 2 });
    expect(a2).toMatchObject({ n: 0, satisfied: 0, index: null, ci95: null, suppressed: true });
  });

  test.each([
    // 29 answers with minResponses 30 → suppressed, counts still reported;
    // 30 answers → 30 of 30 = 100 %, Wilson [88.65, 100].
    { n: 29, index: null, ci95: null, suppressed: true },
    { n: 30, index: 100, ci95: [88.65, 100], suppressed: false },
  ])('a criterion with n = $n of minResponses 30 → suppressed: $suppressed', ({ n, index, ci95, suppressed }) => {
    const scoring: Scoring = { dimensions: [{ name: 'd', title: 'D' }], questions: [criterion('q', 'd')] };
    const result = computeIndices({
      scoring,
      counts: countsOf({ q: { 5: n } }),
      responses: n,
      options: { minResponses: 30 },
    });
    expect(result.dimensions[0]?.criteria[0]).toStrictEqual({
      question: 'q',
      title: 'Title q',
      n,
      satisfied: n,
      index,
      ci95,
      suppressed,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': n },
    });
    expect(result.dimensions[0]?.suppressed).toBe(suppressed);
    expect(result.suppressed).toBe(suppressed);
  });

  test('an element averages only its non-suppressed criteria; the overall only its non-suppressed elements', () => {
    // minResponses 30. a1: 24 of 30 → 80 %; a2: 0 of 29 → suppressed, so access = 80, not 40.
    // s1: 29 answers → suppressed, so staff is suppressed and overall = access alone = 80.
    const counts = countsOf({ a1: { 5: 24, 3: 6 }, a2: { 1: 29 }, s1: { 5: 29 } });
    const result = computeIndices({ scoring: twoElements, counts, responses: 30, options: { minResponses: 30 } });
    expect(result.dimensions.map((d) => [d.name, d.index, d.suppressed])).toEqual([
      ['access', 80, false],
      ['staff', null, true],
    ]);
    expect(result).toMatchObject({ index: 80, suppressed: false });
  });

  test('suppresses the overall when no element is left', () => {
    const counts = countsOf({ a1: { 5: 3 }, s1: { 5: 3 } });
    const result = computeIndices({ scoring: twoElements, counts, responses: 3, options: { minResponses: 4 } });
    expect(result).toMatchObject({ responses: 3, index: null, suppressed: true });
    expect(result.dimensions.every((d) => d.suppressed && d.index === null)).toBe(true);
  });

  test.each([
    // Criteria of 30 answers each pass, but the scope has only 29 responses (counts read with a
    // different filter): the overall follows the responses floor. At 30 responses it shows.
    { responses: 29, index: null, suppressed: true },
    { responses: 30, index: 90, suppressed: false },
  ])('overall with $responses responses of minResponses 30 → $index', ({ responses, index, suppressed }) => {
    // a1: 27 of 30 → 90 %, a2 and s1 likewise → every element 90 → overall 90.
    const ninety = { 5: 27, 2: 3 };
    const counts = countsOf({ a1: ninety, a2: ninety, s1: ninety });
    const result = computeIndices({ scoring: twoElements, counts, responses, options: { minResponses: 30 } });
    expect(result).toMatchObject({ index, suppressed });
    expect(result.dimensions.map((d) => d.index)).toEqual([90, 90]);
  });

  test('averages unrounded criterion indices inside an element', () => {
    // c1: 2 of 3 → 66.666…; c2: 1 of 8 → 12.5; element = (66.666… + 12.5)/2 = 39.5833… → 39.58.
    // Rounding first would give (66.67 + 12.5)/2 = 39.585 → 39.59.
    const scoring: Scoring = {
      dimensions: [{ name: 'd', title: 'D' }],
      questions: [criterion('c1', 'd'), criterion('c2', 'd')],
    };
    const counts = countsOf({ c1: { 5: 2, 1: 1 }, c2: { 4: 1, 3: 7 } });
    const result = computeIndices({ scoring, counts, responses: 8, options: { minResponses: 1 } });
    expect(result.dimensions[0]?.criteria.map((c) => c.index)).toEqual([66.67, 12.5]);
    expect(result.dimensions[0]?.index).toBe(39.58);
    expect(result.index).toBe(39.58);
  });

  test('averages unrounded element indices for the overall', () => {
    // Same numbers one level up: element d1 = 66.666…, d2 = 12.5;
    // overall = 39.5833… → 39.58, where averaging the shown 66.67 and 12.5 would give 39.59.
    const scoring: Scoring = {
      dimensions: [
        { name: 'd1', title: 'D1' },
        { name: 'd2', title: 'D2' },
      ],
      questions: [criterion('c1', 'd1'), criterion('c2', 'd2')],
    };
    const counts = countsOf({ c1: { 5: 2, 1: 1 }, c2: { 4: 1, 3: 7 } });
    const result = computeIndices({ scoring, counts, responses: 8, options: { minResponses: 1 } });
    expect(result.dimensions.map((d) => d.index)).toEqual([66.67, 12.5]);
    expect(result.index).toBe(39.58);
  });

  test('takes any number of elements and criteria, on any scale, in survey order', () => {
    // e1 (1 criterion, 1–3 scale, satisfied from 2): 3 of 4 → 75.
    // e2 (2 criteria): 1 of 2 → 50, 2 of 2 → 100 → e2 = 75.
    // e3 (4 criteria, 1–7 scale, satisfied from 6): 1/1, 0/1, 1/2, 1/4 → (100 + 0 + 50 + 25)/4 = 43.75.
    // 'empty' has no criteria and is omitted; 'overall' (null) and 'stray' (unknown element) stay out.
    // overall = (75 + 75 + 43.75)/3 = 64.5833… → 64.58.
    const seven = [1, 2, 3, 4, 5, 6, 7];
    const scoring: Scoring = {
      dimensions: [
        { name: 'e1', title: 'E1' },
        { name: 'empty', title: 'Empty' },
        { name: 'e2', title: 'E2' },
        { name: 'e3', title: 'E3' },
      ],
      questions: [
        criterion('x1', 'e3', seven, 6),
        criterion('q1', 'e1', THREE, 2),
        criterion('y1', 'e2'),
        criterion('x2', 'e3', seven, 6),
        criterion('y2', 'e2'),
        criterion('x3', 'e3', seven, 6),
        criterion('x4', 'e3', seven, 6),
        criterion('overall', null),
        criterion('stray', 'typo'),
      ],
    };
    const counts = countsOf({
      q1: { 3: 1, 2: 2, 1: 1 },
      y1: { 4: 1, 3: 1 },
      y2: { 5: 2 },
      x1: { 7: 1 },
      x2: { 5: 1 },
      x3: { 6: 1, 1: 1 },
      x4: { 7: 1, 4: 3 },
      overall: { 1: 4 },
      stray: { 1: 4 },
    });
    const result = computeIndices({ scoring, counts, responses: 4, options: { minResponses: 1 } });
    expect(result.dimensions.map((d) => [d.name, d.index, d.criteria.map((c) => c.question)])).toEqual([
      ['e1', 75, ['q1']],
      ['e2', 75, ['y1', 'y2']],
      ['e3', 43.75, ['x1', 'x2', 'x3', 'x4']],
    ]);
    expect(result.dimensions[0]?.criteria[0]?.distribution).toEqual({ '1': 1, '2': 2, '3': 1 });
    expect(result.index).toBe(64.58);
  });
});

describe('computeUnindexedRates', () => {
  test('rates the questions outside the index in the criterion shape', () => {
    // overall: 3 of 4 answered 4 or 5 → 75 %, Wilson [30.06, 95.44]; 'stray' names no element.
    const scoring: Scoring = { ...twoElements, questions: [...twoElements.questions, criterion('stray', 'typo')] };
    const counts = countsOf({ overall: { 5: 1, 4: 2, 1: 1 }, a1: { 5: 4 } });
    const rates = computeUnindexedRates({ scoring, counts, options: { minResponses: 4 } });
    expect(rates).toStrictEqual([
      {
        question: 'overall',
        title: 'Title overall',
        n: 4,
        satisfied: 3,
        index: 75,
        ci95: [30.06, 95.44],
        suppressed: false,
        distribution: { '1': 1, '2': 0, '3': 0, '4': 2, '5': 1 },
      },
      {
        question: 'stray',
        title: 'Title stray',
        n: 0,
        satisfied: 0,
        index: null,
        ci95: null,
        suppressed: true,
        distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      },
    ]);
  });
});

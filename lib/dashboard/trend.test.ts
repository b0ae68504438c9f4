import { describe, expect, test } from 'vitest';

import { defaultTrendUnit, trendSeries } from './trend';

const scoring = {
  dimensions: [{ name: 'q', title: 'Q' }],
  questions: [{ name: 'rating', title: 'Rating', dimension: 'q', values: [1, 2, 3], satisfiedFrom: 2 }],
};
const row = (key: string, question: string, value: number, count: number) => ({ key, question, value, count });

describe('trendSeries', () => {
  test('month rows, the first month partial, gaps filled; suppressed by respondents', () => {
    const series = trendSeries({
      from: '2026-01-15',
      to: '2026-03-31',
      unit: 'month',
      rows: [
        // January (from the 15th): 40 respondents, 30 satisfied → 75 %.
        row('2026-01', '', 0, 40),
        row('2026-01', 'rating', 3, 30),
        row('2026-01', 'rating', 1, 10),
        // March: 10 respondents, below a minimum of 30 → null.
        row('2026-03', '', 0, 10),
        row('2026-03', 'rating', 3, 10),
      ],
      scoring,
      minResponses: 30,
      responsesQuestion: '',
    });
    expect(series.map((p) => [p.bucket, p.firstDay, p.lastDay, p.responses, p.index])).toEqual([
      ['2026-01', '2026-01-15', '2026-01-31', 40, 75],
      ['2026-02', '2026-02-01', '2026-02-28', 0, null],
      ['2026-03', '2026-03-01', '2026-03-31', 10, null],
    ]);
    expect(series[0]!.ci95).not.toBeNull();
  });

  test('day rows summed into ISO weeks: 20 of 30 → 66.67', () => {
    const series = trendSeries({
      from: '2026-03-09',
      to: '2026-03-15',
      unit: 'week',
      rows: [
        row('2026-03-09', '', 0, 10),
        row('2026-03-09', 'rating', 2, 5),
        row('2026-03-09', 'rating', 1, 5),
        row('2026-03-15', '', 0, 20),
        row('2026-03-15', 'rating', 3, 15),
        row('2026-03-15', 'rating', 1, 5),
      ],
      scoring,
      minResponses: 30,
      responsesQuestion: '',
    });
    expect(series.map((p) => [p.bucket, p.responses, p.index])).toEqual([['2026-W11', 30, 66.67]]);
  });

  test.each([
    ['2026-03-01', '2026-03-31', 'day'],
    ['2026-01-01', '2026-03-31', 'week'],
    ['2026-01-01', '2026-12-31', 'month'],
  ])('%s … %s → %s', (from, to, unit) => {
    expect(defaultTrendUnit(from, to)).toBe(unit);
  });
});

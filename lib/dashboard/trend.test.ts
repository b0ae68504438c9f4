import { describe, expect, test } from 'vitest';

import { defaultTrendUnit, trendSeries } from './trend';

describe('trendSeries', () => {
  test('month rows, the first month partial, gaps filled with zeros', () => {
    const series = trendSeries({
      from: '2026-01-15',
      to: '2026-03-31',
      unit: 'month',
      rows: [
        // January (from the 15th): 40 answers, 30 satisfied → 75 %.
        { key: '2026-01', responses: 20, answers: 40, satisfied: 30 },
        // March: 10 answers, below a minimum of 30 → null.
        { key: '2026-03', responses: 5, answers: 10, satisfied: 9 },
      ],
      minResponses: 30,
    });
    expect(series).toEqual([
      { bucket: '2026-01', firstDay: '2026-01-15', lastDay: '2026-01-31', responses: 20, answers: 40, satisfied: 30, index: 75 },
      { bucket: '2026-02', firstDay: '2026-02-01', lastDay: '2026-02-28', responses: 0, answers: 0, satisfied: 0, index: null },
      { bucket: '2026-03', firstDay: '2026-03-01', lastDay: '2026-03-31', responses: 5, answers: 10, satisfied: 9, index: null },
    ]);
  });

  test('day rows summed into ISO weeks: 2/3 → 66.67', () => {
    const series = trendSeries({
      from: '2026-03-09',
      to: '2026-03-15',
      unit: 'week',
      rows: [
        { key: '2026-03-09', responses: 10, answers: 20, satisfied: 10 },
        { key: '2026-03-15', responses: 10, answers: 40, satisfied: 30 },
      ],
      minResponses: 30,
    });
    expect(series).toEqual([{ bucket: '2026-W11', firstDay: '2026-03-09', lastDay: '2026-03-15', responses: 20, answers: 60, satisfied: 40, index: 66.67 }]);
  });

  test.each([
    ['2026-03-01', '2026-03-31', 'day'],
    ['2026-01-01', '2026-03-31', 'week'],
    ['2026-01-01', '2026-12-31', 'month'],
  ])('%s … %s → %s', (from, to, unit) => {
    expect(defaultTrendUnit(from, to)).toBe(unit);
  });
});

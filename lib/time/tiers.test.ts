import { describe, expect, test } from 'vitest';

import { planTiers } from './tiers';

describe('planTiers', () => {
  test.each([
    // A calendar quarter is three whole months and no edge days.
    ['2026-07-01', '2026-09-30', { months: { from: '2026-07', to: '2026-09' }, days: [] }],
    // 15 Jan … 10 Mar: head 15–31 Jan, February whole, tail 1–10 Mar.
    [
      '2026-01-15',
      '2026-03-10',
      {
        months: { from: '2026-02', to: '2026-02' },
        days: [
          { from: '2026-01-15', to: '2026-01-31' },
          { from: '2026-03-01', to: '2026-03-10' },
        ],
      },
    ],
    // Inside one month: days only.
    ['2026-02-03', '2026-02-20', { months: null, days: [{ from: '2026-02-03', to: '2026-02-20' }] }],
    // Across a year end, February of a leap year whole.
    [
      '2023-12-31',
      '2024-02-29',
      { months: { from: '2024-01', to: '2024-02' }, days: [{ from: '2023-12-31', to: '2023-12-31' }] },
    ],
    // This month so far: 1 … 28 Nov is not whole.
    ['2026-11-01', '2026-11-28', { months: null, days: [{ from: '2026-11-01', to: '2026-11-28' }] }],
    // Two partial months, no whole one between them.
    ['2026-01-20', '2026-02-05', { months: null, days: [{ from: '2026-01-20', to: '2026-02-05' }] }],
    ['2026-03-02', '2026-03-01', { months: null, days: [] }],
  ])('%s … %s', (from, to, expected) => {
    expect(planTiers(from, to)).toEqual(expected);
  });

  test('rejects a non-day', () => {
    expect(() => planTiers('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});

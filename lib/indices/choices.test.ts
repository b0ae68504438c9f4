import { expect, test } from 'vitest';

import { choiceShares } from './choices';
import { wilsonInterval } from './wilson';

test('shares of respondents per choice with Wilson intervals; a thin group keeps counts only', () => {
  const rows = [
    // Desk 1: 40 answered; 10 chose time (25 %), 30 attitude (75 %): a respondent may pick both.
    { key: 'Q01', choice: null, count: 40 },
    { key: 'Q01', choice: 'time', count: 10 },
    { key: 'Q01', choice: 'attitude', count: 30 },
    // Desk 3: 5 answered, under MIN_RESPONSES 30.
    { key: 'Q03', choice: null, count: 5 },
    { key: 'Q03', choice: 'time', count: 4 },
  ];
  const [q01, q03] = choiceShares(rows, ['time', 'attitude', 'fees'], 30);
  const wilson = wilsonInterval(10, 40)!;
  expect(q01).toEqual({
    key: 'Q01',
    respondents: 40,
    suppressed: false,
    choices: [
      {
        choice: 'time',
        count: 10,
        share: 25,
        ci95: [Math.round(wilson[0] * 100) / 100, Math.round(wilson[1] * 100) / 100],
      },
      { choice: 'attitude', count: 30, share: 75, ci95: expect.any(Array) },
      { choice: 'fees', count: 0, share: 0, ci95: [0, expect.any(Number)] },
    ],
  });
  expect(q03).toEqual({
    key: 'Q03',
    respondents: 5,
    suppressed: true,
    choices: [
      { choice: 'time', count: 4, share: null, ci95: null },
      { choice: 'attitude', count: 0, share: null, ci95: null },
      { choice: 'fees', count: 0, share: null, ci95: null },
    ],
  });
});

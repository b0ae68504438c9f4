import { describe, expect, test } from 'vitest';

import { formatBucket, formatDay, formatInstant, formatPercent, formatSigned, notEnough } from './format';

describe('Vietnamese formatting', () => {
  test.each([
    [() => formatPercent(87.41), '87,41 %'],
    [() => formatPercent(90), '90,00 %'],
    [() => formatPercent(null), '–'],
    [() => formatSigned(-2.5), '−2,50'],
    [() => formatSigned(1.25), '+1,25'],
    [() => formatDay('2026-03-09'), '09/03/2026'],
    [() => formatBucket('2026-W11'), 'Tuần 11/2026'],
    [() => formatBucket('2026-03'), 'T3/2026'],
    [() => formatBucket('2026-03-09'), '09/03'],
    [() => notEnough(12), 'chưa đủ dữ liệu (n = 12)'],
    // 2026-03-09T17:30Z is 00:30 on 10 March in Hà Nội.
    [() => formatInstant(Date.parse('2026-03-09T17:30:00Z')), '00:30 10/03/2026'],
  ])('%#', (f, expected) => {
    expect(f()).toBe(expected);
  });
});

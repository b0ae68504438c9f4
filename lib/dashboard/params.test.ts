import { describe, expect, test } from 'vitest';

import { paramsFromSearch, parseViewParams, periodOutOfBounds } from './params';

// 2026-11-28 10:00 in Hà Nội.
const NOW = Date.parse('2026-11-28T03:00:00Z');

describe('parseViewParams', () => {
  test.each([
    [{ survey: 'sipas' }, { from: '2026-10-01', to: '2026-11-28' }],
    [
      { survey: 'sipas', period: 'lastQuarter' },
      { from: '2026-07-01', to: '2026-09-30' },
    ],
    [
      { survey: 'sipas', period: 'thisYear' },
      { from: '2026-01-01', to: '2026-11-28' },
    ],
    [
      { survey: 'sipas', quarter: '2026-Q1' },
      { from: '2026-01-01', to: '2026-03-31' },
    ],
    // Explicit days win; a missing `from` is the first day of `to`'s quarter.
    [
      { survey: 'sipas', quarter: '2026-Q1', from: '2026-02-01', to: '2026-02-10' },
      { from: '2026-02-01', to: '2026-02-10' },
    ],
    [
      { survey: 'sipas', to: '2026-05-20' },
      { from: '2026-04-01', to: '2026-05-20' },
    ],
    [
      { survey: 'sipas', period: 'custom' },
      { from: '2026-10-01', to: '2026-11-28' },
    ],
  ])('%j → %j', (raw, period) => {
    const parsed = parseViewParams(raw as Record<string, string>, NOW);
    expect(parsed).toMatchObject({ ok: true, period });
  });

  test.each([
    [{}, 'invalid_query', /survey/],
    [{ survey: 'sipas', from: '2026-02-30' }, 'invalid_query', /from/],
    [{ survey: 'sipas', channel: 'fax' }, 'invalid_query', /channel/],
    [{ survey: 'sipas', quarter: '2026-Q5' }, 'invalid_query', /quarter/],
    [{ survey: 'sipas', from: '2026-03-02', to: '2026-03-01' }, 'invalid_period', /after/],
  ])('%j is rejected', (raw, code, message) => {
    const parsed = parseViewParams(raw as Record<string, string>, NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.code).toBe(code);
      expect(parsed.message).toMatch(message);
    }
  });

  test('a default survey fills in; empty form fields are "not set"', () => {
    expect(parseViewParams({}, NOW, { survey: 'quick' })).toMatchObject({ ok: true, params: { survey: 'quick' } });
    expect(paramsFromSearch(new URLSearchParams('survey=quick&unit=&point=TTHCC-Q01'))).toEqual({
      survey: 'quick',
      point: 'TTHCC-Q01',
    });
    expect(paramsFromSearch({ survey: ['a', 'b'], unit: undefined })).toEqual({ survey: 'a' });
  });
});

describe('period bounds: every view does bounded work', () => {
  test.each([
    // The attack's URLs: centuries of buckets, year 0001 (Date.UTC reads it as 1901), year 9999.
    [{ survey: 'quick', from: '1800-01-01', trend: 'day' }, 'period_out_of_range'],
    [{ survey: 'quick', from: '5000-01-01', to: '9998-12-31' }, 'period_out_of_range'],
    [{ survey: 'quick', from: '2026-01-01', to: '9999-12-31' }, 'period_out_of_range'],
    [{ survey: 'quick', from: '0001-01-01' }, 'period_out_of_range'],
    [{ survey: 'quick', quarter: '9999-Q4' }, 'period_out_of_range'],
    [{ survey: 'quick', quarter: '0001-Q1' }, 'period_out_of_range'],
    [{ survey: 'quick', from: '1999-12-31', to: '2000-01-31' }, 'period_out_of_range'],
    [{ survey: 'quick', from: '2099-12-01', to: '2100-01-01' }, 'period_out_of_range'],
    // 2020-01-01 … 2024-12-31 is five years of 1,827 days (two leap years): one day more is too long.
    [{ survey: 'quick', from: '2020-01-01', to: '2025-01-01' }, 'period_too_long'],
    // 2025-01-01 … 2026-02-05 is 401 days.
    [{ survey: 'quick', from: '2025-01-01', to: '2026-02-05', trend: 'day' }, 'period_too_long'],
    [{ survey: 'quick', trend: 'hour' }, 'invalid_query'],
  ])('%j → %s', (raw, code) => {
    expect(parseViewParams(raw as Record<string, string>, NOW)).toMatchObject({ ok: false, code });
  });

  test.each([
    [{ survey: 'quick', from: '2000-01-01', to: '2000-01-01' }],
    [{ survey: 'quick', from: '2020-01-01', to: '2024-12-31' }],
    [{ survey: 'quick', from: '2025-01-01', to: '2026-02-04', trend: 'day' }],
    [{ survey: 'quick', from: '2020-01-01', to: '2024-12-31', trend: 'week' }],
    [{ survey: 'quick', from: '2099-01-01', to: '2099-12-31' }],
  ])('%j is allowed', (raw) => {
    expect(parseViewParams(raw as Record<string, string>, NOW)).toMatchObject({ ok: true });
  });

  test('the pure check alone', () => {
    expect(periodOutOfBounds({ from: '2026-01-01', to: '2026-12-31' })).toBeNull();
    expect(periodOutOfBounds({ from: '2026-01-01', to: '2026-12-31' }, 'day')).toBeNull();
    expect(periodOutOfBounds({ from: '2026-01-01', to: '2027-02-05' }, 'day')?.code).toBe('period_too_long');
    expect(periodOutOfBounds({ from: '2026-01-02', to: '2026-01-01' })?.code).toBe('invalid_period');
  });
});

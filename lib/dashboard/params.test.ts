import { describe, expect, test } from 'vitest';

import { paramsFromSearch, parseViewParams } from './params';

// 2026-11-28 10:00 in Hà Nội.
const NOW = Date.parse('2026-11-28T03:00:00Z');

describe('parseViewParams', () => {
  test.each([
    [{ survey: 'sipas' }, { from: '2026-10-01', to: '2026-11-28' }],
    [{ survey: 'sipas', period: 'lastQuarter' }, { from: '2026-07-01', to: '2026-09-30' }],
    [{ survey: 'sipas', period: 'thisYear' }, { from: '2026-01-01', to: '2026-11-28' }],
    [{ survey: 'sipas', quarter: '2026-Q1' }, { from: '2026-01-01', to: '2026-03-31' }],
    // Explicit days win; a missing `from` is the first day of `to`'s quarter.
    [{ survey: 'sipas', quarter: '2026-Q1', from: '2026-02-01', to: '2026-02-10' }, { from: '2026-02-01', to: '2026-02-10' }],
    [{ survey: 'sipas', to: '2026-05-20' }, { from: '2026-04-01', to: '2026-05-20' }],
    [{ survey: 'sipas', period: 'custom' }, { from: '2026-10-01', to: '2026-11-28' }],
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
    expect(paramsFromSearch(new URLSearchParams('survey=quick&unit=&point=TTHCC-Q01'))).toEqual({ survey: 'quick', point: 'TTHCC-Q01' });
    expect(paramsFromSearch({ survey: ['a', 'b'], unit: undefined })).toEqual({ survey: 'a' });
  });
});

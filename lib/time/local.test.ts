import { describe, expect, test } from 'vitest';
import {
  previousQuarters,
  addDays,
  dayRange,
  endOfLocalDayMs,
  isLocalDay,
  isoWeek,
  localDay,
  localHour,
  localWeekday,
  monthOf,
  periodPreset,
  previousPeriod,
  quarterBounds,
  quarterOf,
  startOfLocalDayMs,
} from './local';

const at = (iso: string): number => Date.parse(iso);

describe('instants → local calendar (UTC+7)', () => {
  test.each([
    // 16:59:59Z + 7 h = 23:59:59 the same day; 17:00:00Z + 7 h = 00:00 the next day.
    { instant: '2026-03-09T16:59:59Z', day: '2026-03-09', hour: 23, weekday: 1 },
    { instant: '2026-03-09T17:00:00Z', day: '2026-03-10', hour: 0, weekday: 2 },
    { instant: '2026-03-08T16:59:59Z', day: '2026-03-08', hour: 23, weekday: 7 },
    { instant: '2026-03-10T01:30:00Z', day: '2026-03-10', hour: 8, weekday: 2 },
    // New year arrives in Hà Nội at 17:00Z on 31 December.
    { instant: '2025-12-31T16:59:59.999Z', day: '2025-12-31', hour: 23, weekday: 3 },
    { instant: '2025-12-31T17:00:00Z', day: '2026-01-01', hour: 0, weekday: 4 },
    { instant: '2024-02-28T17:00:00Z', day: '2024-02-29', hour: 0, weekday: 4 },
    // Before the epoch (negative ms): 1969-12-31T17:00Z is local midnight of 1970-01-01, a Thursday.
    { instant: '1969-12-31T17:00:00Z', day: '1970-01-01', hour: 0, weekday: 4 },
    { instant: '1969-12-31T16:00:00Z', day: '1969-12-31', hour: 23, weekday: 3 },
  ])('$instant → $day $hour h, weekday $weekday', ({ instant, day, hour, weekday }) => {
    expect(localDay(at(instant))).toBe(day);
    expect(localHour(at(instant))).toBe(hour);
    expect(localWeekday(at(instant))).toBe(weekday);
  });

  test('a local day runs from 17:00Z the day before to 17:00Z, end exclusive', () => {
    const start = startOfLocalDayMs('2026-03-10');
    const end = endOfLocalDayMs('2026-03-10');
    expect(start).toBe(at('2026-03-09T17:00:00Z'));
    expect(end).toBe(at('2026-03-10T17:00:00Z'));
    expect([localDay(start), localDay(end - 1), localDay(end)]).toEqual(['2026-03-10', '2026-03-10', '2026-03-11']);
  });

  test('agrees with the time-zone database for Asia/Ho_Chi_Minh', () => {
    // Intl is the reference here, not on the hot path: one instant every 7 h 37 min over 2024–2027.
    const reference = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    const step = (7 * 60 + 37) * 60 * 1000;
    for (let ms = at('2024-01-01T00:00:00Z'); ms < at('2028-01-01T00:00:00Z'); ms += step) {
      const parts = Object.fromEntries(reference.formatToParts(ms).map((part) => [part.type, part.value]));
      expect(`${localDay(ms)} ${localHour(ms)}`).toBe(
        `${parts.year}-${parts.month}-${parts.day} ${Number(parts.hour)}`,
      );
    }
  });

  test('rejects a non-finite instant', () => {
    expect(() => localDay(Number.NaN)).toThrow(RangeError);
  });
});

describe('day strings', () => {
  test.each([
    { value: '2024-02-29', valid: true },
    { value: '2026-02-29', valid: false },
    { value: '2026-02-30', valid: false },
    { value: '2026-13-01', valid: false },
    { value: '2026-3-9', valid: false },
    { value: '2026-03-09T00:00', valid: false },
    { value: '', valid: false },
  ])('isLocalDay($value) = $valid', ({ value, valid }) => {
    expect(isLocalDay(value)).toBe(valid);
  });

  test.each([
    // 1 Jan 2026 is a Thursday, so its week (29 Dec – 4 Jan) is 2026-W01.
    { day: '2026-01-01', week: '2026-W01' },
    { day: '2025-12-29', week: '2026-W01' },
    { day: '2025-12-28', week: '2025-W52' },
    { day: '2026-03-09', week: '2026-W11' },
    // 1 Jan 2027 is a Friday: it still belongs to the last week of 2026, which has 53 weeks.
    { day: '2027-01-01', week: '2026-W53' },
    { day: '2027-01-03', week: '2026-W53' },
    { day: '2027-01-04', week: '2027-W01' },
    { day: '2021-01-03', week: '2020-W53' },
    { day: '2024-12-30', week: '2025-W01' },
  ])('isoWeek($day) = $week', ({ day, week }) => {
    expect(isoWeek(day)).toBe(week);
  });

  test.each([
    { day: '2026-01-01', month: '2026-01', quarter: '2026-Q1' },
    { day: '2026-03-31', month: '2026-03', quarter: '2026-Q1' },
    { day: '2026-04-01', month: '2026-04', quarter: '2026-Q2' },
    { day: '2026-09-30', month: '2026-09', quarter: '2026-Q3' },
    { day: '2026-12-31', month: '2026-12', quarter: '2026-Q4' },
  ])('$day is in $month and $quarter', ({ day, month, quarter }) => {
    expect(monthOf(day)).toBe(month);
    expect(quarterOf(day)).toBe(quarter);
  });

  test.each([
    { from: '2025-12-30', to: '2026-01-02', days: ['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'] },
    { from: '2024-02-28', to: '2024-03-01', days: ['2024-02-28', '2024-02-29', '2024-03-01'] },
    { from: '2026-03-09', to: '2026-03-09', days: ['2026-03-09'] },
    { from: '2026-03-10', to: '2026-03-09', days: [] },
  ])('dayRange($from, $to)', ({ from, to, days }) => {
    expect(dayRange(from, to)).toEqual(days);
  });

  test('addDays crosses months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  test.each(['2026-02-30', 'yesterday'])('rejects %s', (bad) => {
    expect(() => monthOf(bad)).toThrow(RangeError);
    expect(() => dayRange(bad, '2026-03-01')).toThrow(RangeError);
  });
});

describe('periods', () => {
  test.each([
    { quarter: '2026-Q1', from: '2026-01-01', to: '2026-03-31' },
    { quarter: '2024-Q1', from: '2024-01-01', to: '2024-03-31' },
    { quarter: '2026-Q2', from: '2026-04-01', to: '2026-06-30' },
    { quarter: '2026-Q3', from: '2026-07-01', to: '2026-09-30' },
    { quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-31' },
  ])('quarterBounds($quarter)', ({ quarter, from, to }) => {
    expect(quarterBounds(quarter)).toEqual({ from, to });
  });

  test.each(['2026-Q5', '2026-Q0', '2026Q1'])('quarterBounds rejects %s', (bad) => {
    expect(() => quarterBounds(bad)).toThrow(RangeError);
  });

  test.each([
    // A whole calendar period → the previous one of the same kind, whatever its length.
    { from: '2026-03-01', to: '2026-03-31', previous: { from: '2026-02-01', to: '2026-02-28' } },
    { from: '2026-02-01', to: '2026-02-28', previous: { from: '2026-01-01', to: '2026-01-31' } },
    { from: '2026-04-01', to: '2026-06-30', previous: { from: '2026-01-01', to: '2026-03-31' } },
    { from: '2026-07-01', to: '2026-09-30', previous: { from: '2026-04-01', to: '2026-06-30' } },
    { from: '2026-01-01', to: '2026-03-31', previous: { from: '2025-10-01', to: '2025-12-31' } },
    { from: '2025-01-01', to: '2025-12-31', previous: { from: '2024-01-01', to: '2024-12-31' } },
    // Any other range → the same number of days just before it (10 days; 1 day; 59 days not a quarter: 28 + 31).
    { from: '2026-01-01', to: '2026-01-10', previous: { from: '2025-12-22', to: '2025-12-31' } },
    { from: '2026-03-09', to: '2026-03-09', previous: { from: '2026-03-08', to: '2026-03-08' } },
    { from: '2026-02-01', to: '2026-03-31', previous: { from: '2025-12-04', to: '2026-01-31' } },
  ])('previousPeriod($from, $to)', ({ from, to, previous }) => {
    expect(previousPeriod(from, to)).toEqual(previous);
  });

  test.each([
    // This year so far → the same days of last year (not 29/01–31/12).
    { from: '2026-01-01', to: '2026-12-03', kind: 'year', previous: { from: '2025-01-01', to: '2025-12-03' } },
    // This quarter so far (1 Oct – 3 Dec) → the same days of Q3.
    { from: '2026-10-01', to: '2026-12-03', kind: 'quarter', previous: { from: '2026-07-01', to: '2026-09-03' } },
    // This month so far, 31 days in → February ends on the 28th.
    { from: '2026-03-01', to: '2026-03-31', kind: 'month', previous: { from: '2026-02-01', to: '2026-02-28' } },
    { from: '2026-03-01', to: '2026-03-30', kind: 'month', previous: { from: '2026-02-01', to: '2026-02-28' } },
    { from: '2024-03-01', to: '2024-03-29', kind: 'month', previous: { from: '2024-02-01', to: '2024-02-29' } },
  ] as const)('previousPeriod($from, $to, $kind)', ({ from, to, kind, previous }) => {
    expect(previousPeriod(from, to, kind)).toEqual(previous);
  });

  test('previousPeriod rejects an empty period', () => {
    expect(() => previousPeriod('2026-03-10', '2026-03-09')).toThrow(RangeError);
  });

  test.each([
    // Mid-January: last month and last quarter fall in the previous year.
    { now: '2026-01-15T03:00:00Z', preset: 'thisMonth', from: '2026-01-01', to: '2026-01-15' },
    { now: '2026-01-15T03:00:00Z', preset: 'lastMonth', from: '2025-12-01', to: '2025-12-31' },
    { now: '2026-01-15T03:00:00Z', preset: 'thisQuarter', from: '2026-01-01', to: '2026-01-15' },
    { now: '2026-01-15T03:00:00Z', preset: 'lastQuarter', from: '2025-10-01', to: '2025-12-31' },
    { now: '2026-01-15T03:00:00Z', preset: 'thisYear', from: '2026-01-01', to: '2026-01-15' },
    // 31 March 17:00Z is already 1 April locally: the quarter has just turned.
    { now: '2026-03-31T17:00:00Z', preset: 'thisQuarter', from: '2026-04-01', to: '2026-04-01' },
    { now: '2026-03-31T17:00:00Z', preset: 'lastQuarter', from: '2026-01-01', to: '2026-03-31' },
    { now: '2026-03-31T17:00:00Z', preset: 'lastMonth', from: '2026-03-01', to: '2026-03-31' },
    { now: '2026-03-31T16:59:59Z', preset: 'thisMonth', from: '2026-03-01', to: '2026-03-31' },
    { now: '2024-03-10T00:00:00Z', preset: 'lastMonth', from: '2024-02-01', to: '2024-02-29' },
  ] as const)('$preset at $now → $from … $to', ({ now, preset, from, to }) => {
    expect(periodPreset(preset, at(now))).toEqual({ from, to });
  });
});

describe('previousQuarters', () => {
  test.each([
    ['2026-Q3', 1, ['2026-Q3']],
    ['2026-Q1', 2, ['2025-Q4', '2026-Q1']],
    ['2026-Q2', 5, ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']],
  ])('%s, %i → %j', (quarter, count, expected) => {
    expect(previousQuarters(quarter, count)).toEqual(expected);
  });
});

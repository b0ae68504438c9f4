import { describe, expect, test } from 'vitest';

import { DEFAULT_HOLIDAYS_2026, dueAt, dueDay, isWorkingDay, parseHolidays } from './sla';

const none = new Set<string>();
const vn2026 = new Set(DEFAULT_HOLIDAYS_2026);
// 09:00 local (UTC+7) on a given day.
const at9 = (day: string) => Date.parse(`${day}T02:00:00Z`);

describe('dueDay: 5 working days from the day after opening', () => {
  test.each([
    ['Monday', '2026-03-02', '2026-03-09'], // Tue..Fri = 4, Mon 9th = 5
    ['Wednesday', '2026-03-04', '2026-03-11'],
    ['Friday', '2026-03-06', '2026-03-13'], // weekend skipped
    ['Saturday', '2026-03-07', '2026-03-13'],
    ['Sunday', '2026-03-08', '2026-03-13'],
  ])('opened on a %s (%s) → due %s', (_name, opened, due) => {
    expect(dueDay(at9(opened), 5, none)).toBe(due);
  });

  test('a case opened at 23:30 local belongs to that local day, not the next UTC one', () => {
    // 2026-03-06 23:30 +07 = 16:30Z the same day; 2026-03-06 00:30 +07 = 17:30Z the day before.
    expect(dueDay(Date.parse('2026-03-06T16:30:00Z'), 1, none)).toBe('2026-03-09');
    expect(dueDay(Date.parse('2026-03-05T17:30:00Z'), 1, none)).toBe('2026-03-09');
  });

  test('holidays do not count: Reunification Day and Labour Day 2026', () => {
    // Opened Wed 29 April: Thu 30/4 and Fri 1/5 are holidays, weekend, then Mon 4 .. Fri 8 May.
    expect(dueDay(at9('2026-04-29'), 5, vn2026)).toBe('2026-05-08');
    expect(dueDay(at9('2026-04-29'), 5, none)).toBe('2026-05-06');
  });

  test('Tết 2026 pauses the clock for the whole break', () => {
    // Opened Fri 13 Feb; 14–22 Feb is the break; Mon 23 .. Fri 27 Feb.
    expect(dueDay(at9('2026-02-13'), 5, vn2026)).toBe('2026-02-27');
  });

  test('due at the end of the due day, local midnight', () => {
    expect(dueAt(at9('2026-03-02'), 5, none)).toBe(Date.parse('2026-03-09T17:00:00Z'));
  });

  test('refuses a nonsensical SLA', () => {
    expect(() => dueDay(at9('2026-03-02'), 0, none)).toThrow(RangeError);
    expect(() => dueDay(at9('2026-03-02'), 1.5, none)).toThrow(RangeError);
  });
});

describe('isWorkingDay and parseHolidays', () => {
  test('weekends and listed holidays are not working days', () => {
    expect(isWorkingDay('2026-03-07', none)).toBe(false);
    expect(isWorkingDay('2026-09-02', vn2026)).toBe(false);
    expect(isWorkingDay('2026-09-03', vn2026)).toBe(true);
  });
  test('parses a comma list and names a bad entry', () => {
    expect(parseHolidays(' 2026-01-01, 2026-04-30 ,')).toEqual(['2026-01-01', '2026-04-30']);
    expect(() => parseHolidays('2026-01-01,2026-02-30')).toThrow(/"2026-02-30"/);
  });
});

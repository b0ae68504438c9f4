// When a case is due: N working days after it opened, Monday–Friday in local time,
// skipping public holidays. The clock starts the working day after the opening day, as Vietnamese
// administrative deadlines count ("trong 05 ngày làm việc kể từ ngày tiếp nhận"); the case is due
// at the end of the last counted day.
import { addDays, endOfLocalDayMs, isLocalDay, localDay, weekdayOfDay } from '@/lib/time/local';

/**
 * Vietnam's public holidays as announced for 2026 (Labour Code art. 112 and the Prime Minister's
 * schedule for Tết). Deployments replace or extend them with CASE_HOLIDAYS.
 */
export const DEFAULT_HOLIDAYS_2026: readonly string[] = [
  '2026-01-01',
  '2026-02-14',
  '2026-02-15',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-02-21',
  '2026-02-22',
  '2026-04-27', // Giỗ Tổ Hùng Vương (10/3 âm lịch, 26 April, a Sunday, observed Monday)
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
];

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = weekdayOfDay(day);
  return weekday <= 5 && !holidays.has(day);
}

/** The local day on which a case opened at `openedAt` falls due after `workingDays` working days. */
export function dueDay(openedAt: number, workingDays: number, holidays: ReadonlySet<string>): string {
  if (!Number.isInteger(workingDays) || workingDays < 1)
    throw new RangeError(`workingDays must be a positive integer, got ${workingDays}`);
  let day = localDay(openedAt);
  let counted = 0;
  while (counted < workingDays) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) counted++;
  }
  return day;
}

/** The instant a case becomes overdue: the end of its due day (local midnight). */
export function dueAt(openedAt: number, workingDays: number, holidays: ReadonlySet<string>): number {
  return endOfLocalDayMs(dueDay(openedAt, workingDays, holidays));
}

/** Parses CASE_HOLIDAYS ("2026-01-01,2026-04-30"); names the first bad entry. */
export function parseHolidays(value: string): string[] {
  const days = value
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const d of days) {
    if (!isLocalDay(d)) {
      throw new RangeError(`CASE_HOLIDAYS: "${d}" is not a day YYYY-MM-DD`);
    }
  }
  return days;
}

import { addDays, assertDay, monthOf } from './local';

/**
 * How a period of local days is read from the rollup tiers: whole calendar months from a month
 * tier, the days before the first and after the last whole month from the day tier. This is what
 * makes "all time" cost months, not days: a year is 12 month rows per scope plus at most 60 edge
 * days, whatever the number of responses.
 */
export interface TierPlan {
  /** First and last whole month ('YYYY-MM'), or null when the period holds none. */
  months: { from: string; to: string } | null;
  /** At most two inclusive day ranges (head and tail) outside the whole months. */
  days: { from: string; to: string }[];
}

export function planTiers(from: string, to: string): TierPlan {
  assertDay(from);
  assertDay(to);
  if (from > to) return { months: null, days: [] };
  // First day of the first month that starts on or after `from`.
  const firstWhole = from.endsWith('-01') ? from : nextMonthStart(from);
  // Last day of the last month that ends on or before `to`.
  const lastWhole = isMonthEnd(to) ? to : addDays(`${monthOf(to)}-01`, -1);
  if (firstWhole > lastWhole) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  if (lastWhole < to) days.push({ from: addDays(lastWhole, 1), to });
  return { months: { from: monthOf(firstWhole), to: monthOf(lastWhole) }, days };
}

function nextMonthStart(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

function isMonthEnd(day: string): boolean {
  return monthOf(addDays(day, 1)) !== monthOf(day);
}

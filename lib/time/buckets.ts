import { assertDay, dayRange, isoWeek, monthOf, quarterOf } from './local';

/**
 * Chart buckets over local days. The unit comes from this allowlist because it also picks the
 * grouping of rollup queries: nothing outside it may reach SQL (STYLE "Aggregate where the data is").
 */
export const BUCKET_UNITS = ['day', 'week', 'month', 'quarter'] as const;
export type BucketUnit = (typeof BUCKET_UNITS)[number];

export function isBucketUnit(value: string): value is BucketUnit {
  return (BUCKET_UNITS as readonly string[]).includes(value);
}

/** The bucket key of a local day: '2026-03-09', '2026-W11', '2026-03' or '2026-Q1'. */
export function bucketOf(day: string, unit: BucketUnit): string {
  switch (unit) {
    case 'day':
      assertDay(day);
      return day;
    case 'week':
      return isoWeek(day);
    case 'month':
      return monthOf(day);
    case 'quarter':
      return quarterOf(day);
  }
}

export interface BucketSpan {
  bucket: string;
  /** First and last day of the bucket inside the requested range (edge buckets may be partial). */
  firstDay: string;
  lastDay: string;
}

/** Every bucket touching [from, to], in time order, clipped to the range. */
export function bucketSpans(from: string, to: string, unit: BucketUnit): BucketSpan[] {
  const spans = new Map<string, BucketSpan>();
  for (const day of dayRange(from, to)) {
    const bucket = bucketOf(day, unit);
    const span = spans.get(bucket);
    if (span === undefined) spans.set(bucket, { bucket, firstDay: day, lastDay: day });
    else span.lastDay = day;
  }
  return [...spans.values()];
}

export interface BucketTotals<Field extends string> extends BucketSpan {
  totals: Record<Field, number>;
}

/**
 * Sums per-day rows into buckets and gap-fills: every bucket of [from, to] appears, with zeros
 * where no row fell, so a chart's x-axis has no holes and an empty week reads as 0, not as a
 * line drawn straight across it. Rows outside the range are ignored.
 */
export function fillSeries<Field extends string>(args: {
  from: string;
  to: string;
  unit: BucketUnit;
  fields: readonly Field[];
  rows: readonly ({ day: string } & Record<Field, number>)[];
}): BucketTotals<Field>[] {
  const { from, to, unit, fields, rows } = args;
  const series = bucketSpans(from, to, unit).map((span) => ({ ...span, totals: zeros(fields) }));
  const byBucket = new Map(series.map((entry) => [entry.bucket, entry]));
  for (const row of rows) {
    if (row.day < from || row.day > to) continue;
    const entry = byBucket.get(bucketOf(row.day, unit));
    if (entry === undefined) continue;
    for (const field of fields) entry.totals[field] += row[field];
  }
  return series;
}

function zeros<Field extends string>(fields: readonly Field[]): Record<Field, number> {
  const totals = {} as Record<Field, number>;
  for (const field of fields) totals[field] = 0;
  return totals;
}

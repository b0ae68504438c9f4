import { round2 } from '@/lib/indices';
import { isSuppressed } from '@/lib/indices/suppression';
import { bucketSpans, fillSeries, type BucketUnit } from '@/lib/time/buckets';
import { dayRange } from '@/lib/time/local';

export type TrendPoint = {
  bucket: string;
  firstDay: string;
  lastDay: string;
  responses: number;
  answers: number;
  satisfied: number;
  /** Pooled satisfaction rate in percent; null below the minimum sample. */
  index: number | null;
};

/** Day buckets up to a month, weeks up to half a year, months beyond: a readable number of points. */
export function defaultTrendUnit(from: string, to: string): BucketUnit {
  const days = dayRange(from, to).length;
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month';
}

type Counts = { responses: number; answers: number; satisfied: number };

/**
 * A gap-filled series from activity rows keyed by day ('YYYY-MM-DD') or by month ('YYYY-MM').
 * Month rows are placed on the first day of their month inside the range, so the first, partial
 * month is not dropped.
 */
export function trendSeries(args: {
  from: string;
  to: string;
  unit: BucketUnit;
  rows: readonly ({ key: string } & Counts)[];
  minResponses: number;
}): TrendPoint[] {
  const { from, to, unit, rows, minResponses } = args;
  const dayRows = rows.map((r) => {
    const day = r.key.length === 7 ? `${r.key}-01` : r.key;
    return { day: day < from ? from : day, responses: r.responses, answers: r.answers, satisfied: r.satisfied };
  });
  const fields = ['responses', 'answers', 'satisfied'] as const;
  return fillSeries({ from, to, unit, fields, rows: dayRows }).map((b) => ({
    bucket: b.bucket,
    firstDay: b.firstDay,
    lastDay: b.lastDay,
    ...b.totals,
    index: isSuppressed(b.totals.answers, minResponses) ? null : round2((b.totals.satisfied / b.totals.answers) * 100),
  }));
}

export { bucketSpans };

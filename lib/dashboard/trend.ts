import { computeIndices, type Interval, type Scoring } from '@/lib/indices';
import { bucketOf, bucketSpans, type BucketUnit } from '@/lib/time/buckets';
import { dayRange } from '@/lib/time/local';

export type TrendPoint = {
  bucket: string;
  firstDay: string;
  lastDay: string;
  /** Respondents: what suppresses a point. */
  responses: number;
  /** The survey's index (criterion → element → overall); null below the minimum of respondents. */
  index: number | null;
  ci95: Interval | null;
};

/** Day buckets up to a month, weeks up to half a year, months beyond: a readable number of points. */
export function defaultTrendUnit(from: string, to: string): BucketUnit {
  const days = dayRange(from, to).length;
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month';
}

/** Answer counts keyed by day ('YYYY-MM-DD') or month ('YYYY-MM'), as the rollups give them. */
export type TrendRow = { key: string; question: string; value: number; count: number };

/**
 * A gap-filled series of the survey's index per bucket, from answer counts by day or by month
 * (the response pseudo-question `responsesQuestion` counts respondents). Month rows are placed on
 * the first day of their month inside the range, so the first, partial month is not dropped.
 */
export function trendSeries(args: {
  from: string;
  to: string;
  unit: BucketUnit;
  rows: readonly TrendRow[];
  scoring: Scoring;
  minResponses: number;
  responsesQuestion: string;
}): TrendPoint[] {
  const { from, to, unit, rows, scoring, minResponses, responsesQuestion } = args;
  const byBucket = new Map<string, { responses: number; counts: Map<string, Map<number, number>> }>();
  for (const r of rows) {
    const first = r.key.length === 7 ? `${r.key}-01` : r.key;
    const bucket = bucketOf(first < from ? from : first, unit);
    let entry = byBucket.get(bucket);
    if (!entry) byBucket.set(bucket, (entry = { responses: 0, counts: new Map() }));
    if (r.question === responsesQuestion) {
      entry.responses += r.count;
      continue;
    }
    let byValue = entry.counts.get(r.question);
    if (!byValue) entry.counts.set(r.question, (byValue = new Map()));
    byValue.set(r.value, (byValue.get(r.value) ?? 0) + r.count);
  }
  return bucketSpans(from, to, unit).map((span) => {
    const entry = byBucket.get(span.bucket);
    if (!entry) return { ...span, responses: 0, index: null, ci95: null };
    const result = computeIndices({
      scoring,
      counts: entry.counts,
      responses: entry.responses,
      options: { minResponses },
    });
    return { ...span, responses: entry.responses, index: result.index, ci95: result.ci95 };
  });
}

export { bucketSpans };

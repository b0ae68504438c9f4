import { z } from 'zod';

import { CHANNELS } from '@/lib/ingest/channels';
import type { Result } from '@/lib/result';
import { BUCKET_UNITS, type BucketUnit } from '@/lib/time/buckets';
import {
  addDays,
  isLocalDay,
  localDay,
  periodPreset,
  PERIOD_PRESETS,
  quarterBounds,
  quarterOf,
  type DayPeriod,
} from '@/lib/time/local';

const code = z.string().trim().min(1).max(64);
const day = z.string().refine(isLocalDay, 'must be a real day YYYY-MM-DD');

/**
 * The filters of a dashboard view, shared by /api/indices, the dashboard, the report and the
 * exports, so a view copied from one reads the same in the others. Unknown keys are ignored (a
 * dashboard URL carries paging and display options too).
 */
export const viewParamsSchema = z.object({
  survey: z.string().trim().min(1, 'survey is required').max(64),
  from: day.optional(),
  to: day.optional(),
  period: z.enum([...PERIOD_PRESETS, 'custom']).optional(),
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, 'must look like 2026-Q3')
    .optional(),
  unit: code.optional(),
  point: code.optional(),
  procedure: code.optional(),
  channel: z.enum(CHANNELS).optional(),
  trend: z.enum(BUCKET_UNITS).optional(),
});
export type ViewParams = z.infer<typeof viewParamsSchema>;

export type ParsedView = Result<{ params: ViewParams; period: DayPeriod }>;

/** Empty strings are "not set": an HTML form submits every field, filled or not. */
export function paramsFromSearch(
  search: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = search instanceof URLSearchParams ? [...search.entries()] : Object.entries(search);
  for (const [key, raw] of entries) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

/**
 * Parses the filters and settles the period: explicit from/to win, then a quarter, then a
 * preset; nothing at all means this quarter so far. A missing `to` is today, a missing `from`
 * the first day of the `to` quarter.
 */
export function parseViewParams(
  raw: Record<string, string>,
  nowMs: number,
  defaults: { survey?: string } = {},
): ParsedView {
  const parsed = viewParamsSchema.safeParse({ survey: defaults.survey, ...raw });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'query';
    return { ok: false, code: 'invalid_query', message: `${field}: ${issue.message}` };
  }
  const params = parsed.data;
  let period: DayPeriod;
  if (params.from !== undefined || params.to !== undefined || params.period === 'custom') {
    const to = params.to ?? localDay(nowMs);
    const from = params.from ?? quarterBounds(quarterOf(to)).from;
    period = { from, to };
  } else if (params.quarter !== undefined) {
    period = quarterBounds(params.quarter);
  } else {
    period = periodPreset(params.period ?? 'thisQuarter', nowMs);
  }
  const refused = periodOutOfBounds(period, params.trend);
  if (refused) return { ok: false, ...refused };
  return { ok: true, params, period };
}

/**
 * What one request may ask for, so that every dashboard, report, API and export request does
 * bounded work: a period of at most five years inside 2000–2099 (the rollups hold nothing older,
 * and a day's number must stay a four-digit year for lib/time/local.ts), and a day-by-day trend
 * of at most 400 days (about 13 months of points). The largest view allowed reads in well under
 * a second (tests/integration/period-bounds.test.ts).
 */
export const PERIOD_LIMITS = {
  earliest: '2000-01-01',
  latest: '2099-12-31',
  maxDays: 5 * 365 + 2,
  maxDayTrendDays: 400,
} as const;

/** Why a period (and trend unit) is refused, or null when it is within PERIOD_LIMITS. Pure. */
export function periodOutOfBounds(period: DayPeriod, trend?: BucketUnit): { code: string; message: string } | null {
  const { earliest, latest, maxDays, maxDayTrendDays } = PERIOD_LIMITS;
  if (period.from > period.to) {
    return { code: 'invalid_period', message: `from (${period.from}) is after to (${period.to}).` };
  }
  if (period.from < earliest || period.to > latest) {
    return {
      code: 'period_out_of_range',
      message: `The period must lie between ${earliest} and ${latest} (asked ${period.from} … ${period.to}).`,
    };
  }
  if (period.to > addDays(period.from, maxDays - 1)) {
    return {
      code: 'period_too_long',
      message: `A period may span at most 5 years (${maxDays} days); pick a shorter one.`,
    };
  }
  if (trend === 'day' && period.to > addDays(period.from, maxDayTrendDays - 1)) {
    return {
      code: 'period_too_long',
      message: `A day-by-day trend may span at most ${maxDayTrendDays} days; choose weeks or months.`,
    };
  }
  return null;
}

/** The staff pages' Vietnamese wording of a refused view, beside the English message. */
export function viewErrorHintVi(code: string): string {
  const { earliest, latest, maxDayTrendDays } = PERIOD_LIMITS;
  switch (code) {
    case 'period_out_of_range':
      return `Khoảng thời gian phải nằm trong ${earliest.split('-').reverse().join('/')} – ${latest.split('-').reverse().join('/')}.`;
    case 'period_too_long':
      return `Khoảng thời gian tối đa 5 năm; xu hướng theo ngày tối đa ${maxDayTrendDays} ngày (hãy chọn theo tuần hoặc tháng).`;
    case 'invalid_period':
      return 'Ngày bắt đầu phải trước ngày kết thúc.';
    default:
      return 'Bộ lọc không hợp lệ.';
  }
}

import { z } from 'zod';

import { CHANNELS } from '@/lib/ingest/channels';
import { isLocalDay, localDay, periodPreset, PERIOD_PRESETS, quarterBounds, quarterOf, type DayPeriod } from '@/lib/time/local';

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
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'must look like 2026-Q3').optional(),
  unit: code.optional(),
  point: code.optional(),
  procedure: code.optional(),
  channel: z.enum(CHANNELS).optional(),
});
export type ViewParams = z.infer<typeof viewParamsSchema>;

export type ParsedView = { ok: true; params: ViewParams; period: DayPeriod } | { ok: false; code: string; message: string };

/** Empty strings are "not set": an HTML form submits every field, filled or not. */
export function paramsFromSearch(search: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
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
export function parseViewParams(raw: Record<string, string>, nowMs: number, defaults: { survey?: string } = {}): ParsedView {
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
  if (period.from > period.to) {
    return { ok: false, code: 'invalid_period', message: `from (${period.from}) is after to (${period.to}).` };
  }
  return { ok: true, params, period };
}


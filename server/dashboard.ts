import type { Db } from '@/db';
import {
  readActivity,
  readAnswerCountsBy,
  readHourCells,
  readRollupKeys,
  type HourCell,
} from '@/db/queries/rollup-reads';
import { RESPONSES_QUESTION } from '@/db/queries/rollup-writes';
import { CHANNEL_LABELS, nationalSipasFor } from '@/lib/dashboard/labels';
import { defaultTrendUnit, trendSeries, type TrendPoint } from '@/lib/dashboard/trend';
import {
  indexChange,
  proportionRate,
  round2,
  type IndicesResult,
  type Interval,
  type ProportionChange,
  type ProportionRate,
} from '@/lib/indices';
import { dissatisfiedCounts } from '@/lib/indices/overall-interval';
import { CHANNELS } from '@/lib/ingest/channels';
import type { BucketUnit } from '@/lib/time/buckets';
import { previousPeriod, type CalendarKind, type DayPeriod } from '@/lib/time/local';

import { indicesBy, indicesFor } from './indices';
import { rankingFor, type RankingResult } from './rankings';
import type { ResolvedView } from './view';

export type DashboardData = {
  indices: IndicesResult;
  previous: { period: DayPeriod; indices: IndicesResult };
  /** Two-sided test of the index change, with each period's respondent-level effective n. */
  change: ProportionChange | null;
  /** Change of the overall index itself, in points; null when either is suppressed. */
  indexDelta: number | null;
  dissatisfied: ProportionRate;
  trend: { unit: BucketUnit; points: TrendPoint[]; reference: { year: string; index: number } | null };
  rankings: { points: RankingResult; units: RankingResult; procedures: RankingResult };
  heatmap: HourCell[];
  channels: { channel: string; label: string; responses: number; index: number | null; ci95: Interval | null }[];
  /** Responses of the view stored but left out: repeat presses and bursts (RESPONSE_FLAGS). */
  flagged: number;
  /** Every response stored in the view's scope, flagged ones included: its data version (server/priorities.ts). */
  stored: number;
};

/** A preset "so far" period compares with the same days of the previous one of its kind. */
const PRESET_KIND: Record<string, CalendarKind> = { thisMonth: 'month', thisQuarter: 'quarter', thisYear: 'year' };

function presetKind(view: ResolvedView): CalendarKind | undefined {
  const { params } = view;
  if (params.from !== undefined || params.to !== undefined || params.quarter !== undefined) return undefined;
  return PRESET_KIND[params.period ?? 'thisQuarter'];
}

/**
 * Everything /dashboard shows for one view, read from the rollups: the keys once, then seven
 * grouped reads, the independent ones together.
 */
export async function loadDashboard(
  db: Db,
  view: ResolvedView,
  options: { minResponses: number; trendUnit?: BucketUnit; previous?: DayPeriod; target?: number },
): Promise<DashboardData> {
  const { period } = view;
  const { minResponses } = options;
  // The unit and desk ids every rollup read names, read once for the whole view.
  const filter = { ...view.filter, keys: await readRollupKeys(db) };
  const keyed: ResolvedView = { ...view, filter };
  const scoring = view.survey.scoring;
  const prev = options.previous ?? previousPeriod(period.from, period.to, presetKind(view));
  const unit = options.trendUnit ?? defaultTrendUnit(period.from, period.to);

  const [indices, previousIndices, trendRows, byChannel, heatmap, counted, all] = await Promise.all([
    indicesFor(db, scoring, filter, minResponses),
    indicesFor(db, scoring, { ...filter, ...prev }, minResponses),
    readAnswerCountsBy(db, filter, unit === 'month' || unit === 'quarter' ? 'month' : 'day'),
    indicesBy(db, scoring, filter, 'channel', minResponses),
    readHourCells(db, filter),
    readActivity(db, filter, 'channel'),
    readActivity(db, { ...filter, includeRepeats: true }, 'channel'),
  ]);
  const [points, units, procedures] = await Promise.all([
    rankingFor(db, keyed, 'point', minResponses, { whole: indices, target: options.target }),
    rankingFor(db, keyed, 'unit', minResponses, { whole: indices, target: options.target }),
    rankingFor(db, keyed, 'procedure', minResponses, { whole: indices, target: options.target }),
  ]);
  const responsesOf = (rows: { responses: number }[]) => rows.reduce((sum, r) => sum + r.responses, 0);

  const dis = dissatisfiedCounts(indices);
  return {
    indices,
    previous: { period: prev, indices: previousIndices },
    change: indexChange({ current: indices, previous: previousIndices }),
    indexDelta:
      indices.index !== null && previousIndices.index !== null ? round2(indices.index - previousIndices.index) : null,
    // A share of answers, shown only when the scope has enough respondents.
    dissatisfied: indices.suppressed
      ? proportionRate({ count: 0, n: 0, minResponses: 1 })
      : proportionRate({ count: dis.count, n: dis.n, minResponses: 1 }),
    trend: {
      unit,
      points: trendSeries({
        from: period.from,
        to: period.to,
        unit,
        rows: trendRows.map((r) => ({
          key: r.key,
          question: r.question,
          value: Number(r.value),
          count: Number(r.count),
        })),
        scoring,
        minResponses,
        responsesQuestion: RESPONSES_QUESTION,
      }),
      reference: view.survey.slug === 'sipas' ? nationalSipasFor(Number(period.to.slice(0, 4)) - 1) : null,
    },
    rankings: { points, units, procedures },
    heatmap,
    flagged: responsesOf(all) - responsesOf(counted),
    stored: responsesOf(all),
    channels: CHANNELS.map((channel) => {
      const r = byChannel.get(channel);
      return {
        channel,
        label: CHANNEL_LABELS[channel].vi,
        responses: r?.responses ?? 0,
        index: r?.index ?? null,
        ci95: r?.ci95 ?? null,
      };
    }),
  };
}

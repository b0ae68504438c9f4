import type { Db } from '@/db';
import { readActivity, readHourCells, type HourCell, type RollupFilter } from '@/db/queries/rollup-reads';
import { CHANNEL_LABELS, nationalSipasFor } from '@/lib/dashboard/labels';
import { defaultTrendUnit, trendSeries, type TrendPoint } from '@/lib/dashboard/trend';
import {
  proportionChange,
  proportionRate,
  type IndicesResult,
  type Interval,
  type ProportionChange,
  type ProportionRate,
  round2,
} from '@/lib/indices';
import { dissatisfiedCounts, overallInterval } from '@/lib/indices/overall-interval';
import { CHANNELS } from '@/lib/ingest/channels';
import type { BucketUnit } from '@/lib/time/buckets';
import { previousPeriod, type DayPeriod } from '@/lib/time/local';

import { indicesFor } from './indices';
import { rankingFor, type RankingWithResponses } from './rankings';
import type { ResolvedView } from './view';

export type DashboardData = {
  indices: IndicesResult;
  overallCi: Interval | null;
  previous: { period: DayPeriod; indices: IndicesResult };
  /** Pooled two-proportion z-test of satisfied index answers, this period against the previous one. */
  change: ProportionChange | null;
  /** Change of the overall index itself, in points; null when either is suppressed. */
  indexDelta: number | null;
  dissatisfied: ProportionRate;
  trend: { unit: BucketUnit; points: TrendPoint[]; reference: { year: string; index: number } | null };
  rankings: { points: RankingWithResponses; units: RankingWithResponses; procedures: RankingWithResponses };
  heatmap: HourCell[];
  channels: { channel: string; label: string; responses: number; index: number | null }[];
  /** Responses of the view stored but left out: repeat presses and bursts (RESPONSE_FLAGS). */
  flagged: number;
};

async function pooled(db: Db, filter: RollupFilter): Promise<{ k: number; n: number }> {
  const rows = await readActivity(db, filter, 'channel');
  return { k: rows.reduce((s, r) => s + r.satisfied, 0), n: rows.reduce((s, r) => s + r.answers, 0) };
}

/** Everything /dashboard shows for one view, read from the rollups. */
export async function loadDashboard(
  db: Db,
  view: ResolvedView,
  options: { minResponses: number; trendUnit?: BucketUnit; previous?: DayPeriod },
): Promise<DashboardData> {
  const { filter, period } = view;
  const { minResponses } = options;
  const indices = await indicesFor(db, view.survey.scoring, filter, minResponses);
  const prev = options.previous ?? previousPeriod(period.from, period.to);
  const prevFilter = { ...filter, ...prev };
  const previousIndices = await indicesFor(db, view.survey.scoring, prevFilter, minResponses);

  const channelRows = await readActivity(db, filter, 'channel');
  const withFlagged = await readActivity(db, { ...filter, includeRepeats: true }, 'channel');
  const responsesOf = (rows: { responses: number }[]) => rows.reduce((s, r) => s + r.responses, 0);
  const current = { k: channelRows.reduce((s, r) => s + r.satisfied, 0), n: channelRows.reduce((s, r) => s + r.answers, 0) };
  const change = proportionChange({ current, previous: await pooled(db, prevFilter), minResponses });
  const indexDelta = indices.index !== null && previousIndices.index !== null ? round2(indices.index - previousIndices.index) : null;

  const unit = options.trendUnit ?? defaultTrendUnit(period.from, period.to);
  const trendRows = await readActivity(db, filter, unit === 'month' || unit === 'quarter' ? 'month' : 'day');
  const points = trendSeries({ from: period.from, to: period.to, unit, rows: trendRows, minResponses });
  const reference = view.survey.slug === 'sipas' ? nationalSipasFor(Number(period.to.slice(0, 4)) - 1) : null;

  const dis = dissatisfiedCounts(indices);
  const byChannel = new Map(channelRows.map((r) => [r.key, r]));
  return {
    indices,
    overallCi: overallInterval(indices),
    previous: { period: prev, indices: previousIndices },
    change,
    indexDelta,
    dissatisfied: proportionRate({ count: dis.count, n: dis.n, minResponses }),
    trend: { unit, points, reference },
    rankings: {
      points: await rankingFor(db, view, 'point', minResponses),
      units: await rankingFor(db, view, 'unit', minResponses),
      procedures: await rankingFor(db, view, 'procedure', minResponses),
    },
    heatmap: await readHourCells(db, filter),
    flagged: responsesOf(withFlagged) - responsesOf(channelRows),
    channels: CHANNELS.map((channel) => {
      const r = byChannel.get(channel);
      const answers = r?.answers ?? 0;
      return {
        channel,
        label: CHANNEL_LABELS[channel].vi,
        responses: r?.responses ?? 0,
        index: answers === 0 || answers < minResponses ? null : Math.round(((r!.satisfied / answers) * 100) * 100) / 100,
      };
    }),
  };
}

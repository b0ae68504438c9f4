import type { Db } from '@/db';
import { rankByIndex, type Benchmark, type IndicesResult, type Ranking } from '@/lib/indices';
import { CHANNEL_LABELS, nationalSipasFor } from '@/lib/dashboard/labels';

import { indicesBy, indicesFor } from './indices';
import type { ResolvedView } from './view';

export const RANKING_GROUPS = ['point', 'unit', 'procedure', 'channel'] as const;
export type RankingGroup = (typeof RANKING_GROUPS)[number];

export type RankingResult = Ranking & {
  /** What every row's verdict is tested against; null when the view itself has no index. */
  benchmark: Benchmark | null;
  /** The department's target (SATISFACTION_TARGET) as a second benchmark, when set. */
  target: Benchmark | null;
};

/**
 * The benchmark a view states: the latest national SIPAS figure for the SIPAS survey, otherwise
 * the index of the whole view (each row against the view it belongs to).
 */
export function benchmarkFor(view: ResolvedView, whole: IndicesResult): Benchmark | null {
  if (view.survey.slug === 'sipas') {
    const national = nationalSipasFor(Number(view.period.to.slice(0, 4)) - 1);
    if (national) return { kind: 'national', label: `SIPAS toàn quốc ${national.year}`, index: national.index };
  }
  return whole.index === null ? null : { kind: 'view', label: 'Chỉ số chung của phạm vi đang xem', index: whole.index };
}

export function targetBenchmark(target: number | undefined): Benchmark | null {
  return target === undefined ? null : { kind: 'target', label: 'Mục tiêu của Sở', index: target };
}

/**
 * Desks, units, procedures or channels ranked by their index, computed from the answer rollups
 * by the survey's one method (the headline's); rows below MIN_RESPONSES respondents are listed
 * apart, and each ranked row carries its verdict against the view's benchmark.
 */
export async function rankingFor(
  db: Db,
  view: ResolvedView,
  by: RankingGroup,
  minResponses: number,
  options: { whole?: IndicesResult; target?: number } = {},
): Promise<RankingResult> {
  const [groups, whole] = await Promise.all([
    indicesBy(db, view.survey.scoring, view.filter, by, minResponses),
    options.whole ? Promise.resolve(options.whole) : indicesFor(db, view.survey.scoring, view.filter, minResponses),
  ]);
  const label = labeller(view, by);
  const rows = [...groups]
    .filter(([, result]) => result.responses > 0)
    .map(([key, result]) => ({ ...label(key), result }));
  const benchmark = benchmarkFor(view, whole);
  const target = targetBenchmark(options.target);
  return {
    ...rankByIndex({ rows, benchmark: benchmark?.index ?? null, target: target?.index ?? null }),
    benchmark,
    target,
  };
}

function labeller(view: ResolvedView, by: RankingGroup): (key: string) => { key: string; label: string } {
  const { units, points, procedures } = view.catalog;
  switch (by) {
    case 'point': {
      const byId = new Map(points.map((p) => [String(p.id), p]));
      return (key) => ({ key: byId.get(key)?.code ?? `#${key}`, label: byId.get(key)?.name ?? `#${key}` });
    }
    case 'unit': {
      const byId = new Map(units.map((u) => [String(u.id), u]));
      return (key) => ({ key: byId.get(key)?.code ?? `#${key}`, label: byId.get(key)?.name ?? `#${key}` });
    }
    case 'procedure': {
      const byId = new Map(procedures.map((p) => [String(p.id), p]));
      return (key) =>
        key === '0'
          ? { key: '', label: 'Không ghi thủ tục' }
          : { key: byId.get(key)?.code ?? `#${key}`, label: byId.get(key)?.name ?? `#${key}` };
    }
    case 'channel':
      return (key) => ({ key, label: CHANNEL_LABELS[key as keyof typeof CHANNEL_LABELS]?.vi ?? key });
  }
}

import type { Db } from '@/db';
import { readActivity } from '@/db/queries/rollup-reads';
import { rankByIndex, type Ranking, type RankingRow } from '@/lib/indices';
import { CHANNEL_LABELS } from '@/lib/dashboard/labels';

import type { ResolvedView } from './view';

export const RANKING_GROUPS = ['point', 'unit', 'procedure', 'channel'] as const;
export type RankingGroup = (typeof RANKING_GROUPS)[number];

export type RankingWithResponses = {
  ranked: (Ranking['ranked'][number] & { responses: number })[];
  suppressed: (RankingRow & { responses: number })[];
};

/**
 * Desks, units, procedures or channels ranked by their pooled satisfaction rate (satisfied index
 * answers ÷ index answers), from the activity rollups; rows below MIN_RESPONSES answers are
 * listed apart.
 */
export async function rankingFor(db: Db, view: ResolvedView, by: RankingGroup, minResponses: number): Promise<RankingWithResponses> {
  const rows = await readActivity(db, view.filter, by);
  const label = labeller(view, by);
  const input = rows
    .filter((r) => r.responses > 0)
    .map((r) => ({ ...label(r.key), n: r.answers, satisfied: r.satisfied, responses: r.responses }));
  return rankByIndex({ rows: input, minResponses }) as RankingWithResponses;
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

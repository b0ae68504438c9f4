// What /ket-qua publishes (issue 5): per quarter, each unit's overall index with its interval and
// n, the element indices, the units ranked, the last four quarters, and cases received and handled
// on time. Built only from rollups and case counts: never a comment, never a figure from fewer
// than MIN_RESPONSES answers (a suppressed unit is named as "chưa đủ dữ liệu", with no numbers).
import type { Db } from '@/db';
import { caseStatsByUnit } from '@/db/queries/cases';
import { listActiveUnits } from '@/db/queries/catalog';
import { unitSubtreeIds } from '@/db/queries/units';
import type { Principal } from '@/lib/auth/permissions';
import type { Interval } from '@/lib/indices';
import { overallInterval } from '@/lib/indices/overall-interval';
import { endOfLocalDayMs, quarterBounds, startOfLocalDayMs } from '@/lib/time/local';

import { indicesFor } from './indices';
import { rankingFor } from './rankings';
import { isViewError, resolveView } from './view';

// The public sees every unit, read-only, through the same view logic as the dashboard.
const PUBLIC: Principal = { kind: 'token', id: 0, label: 'public', role: 'leader', unitId: null };

export type PublicFigure = { index: number; ci95: Interval | null; responses: number } | null;

export type PublicResults = {
  quarter: string;
  survey: { slug: string; title: string };
  overall: PublicFigure;
  elements: Array<{ name: string; title: string; index: number | null }>;
  units: Array<{ code: string; name: string; figure: PublicFigure; elements: Array<{ name: string; index: number | null }> }>;
  ranking: Array<{ code: string; name: string; index: number; rank: number }>;
  notEnough: Array<{ code: string; name: string }>;
  trend: Array<{ quarter: string; index: number | null }>;
  cases: Array<{ unit: string; received: number; closedOnTime: number; closed: number }>;
};

export function previousQuarters(quarter: string, count: number): string[] {
  const out: string[] = [];
  let year = Number(quarter.slice(0, 4));
  let q = Number(quarter.slice(6));
  for (let i = 0; i < count; i++) {
    out.unshift(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

export async function publicResults(db: Db, { quarter, survey, minResponses, now }: { quarter: string; survey: string; minResponses: number; now: number }): Promise<PublicResults | null> {
  const view = await resolveView(db, PUBLIC, { survey, quarter }, now);
  if (isViewError(view)) return null;
  const { scoring } = view.survey;
  const figure = async (filter: typeof view.filter): Promise<{ figure: PublicFigure; result: Awaited<ReturnType<typeof indicesFor>> }> => {
    const result = await indicesFor(db, scoring, filter, minResponses);
    const ok = result.index !== null && !result.suppressed && result.responses >= minResponses;
    return { result, figure: ok ? { index: result.index!, ci95: overallInterval(result), responses: result.responses } : null };
  };

  const whole = await figure(view.filter);
  // Units that report directly (the department's divisions), each with its subtree.
  const all = await listActiveUnits(db);
  const root = all.find((u) => u.parentId === null);
  const reporting = all.filter((u) => u.parentId === (root?.id ?? null) && u.id !== root?.id);
  // One resolved view; each unit and each earlier quarter only narrows its filter.
  const units: PublicResults['units'] = [];
  for (const u of reporting) {
    const { figure: f, result } = await figure({ ...view.filter, unitIds: [...(await unitSubtreeIds(db, u.id))].sort((a, b) => a - b) });
    if (result.responses === 0) continue; // a unit without public desks is not listed at all
    units.push({ code: u.code, name: u.name, figure: f, elements: f ? result.dimensions.map((d) => ({ name: d.name, index: d.suppressed ? null : d.index })) : [] });
  }

  const ranked = await rankingFor(db, view, 'unit', minResponses);
  const trend: PublicResults['trend'] = [];
  for (const q of previousQuarters(quarter, 4)) trend.push({ quarter: q, index: (await figure({ ...view.filter, ...quarterBounds(q) })).figure?.index ?? null });
  const bounds = quarterBounds(quarter);
  const cases = (await caseStatsByUnit(db, { unitIds: null, from: startOfLocalDayMs(bounds.from), to: endOfLocalDayMs(bounds.to), now })).map((c) => ({
    unit: c.unitName,
    received: c.received,
    closed: c.closed,
    closedOnTime: c.closedOnTime,
  }));

  return {
    quarter,
    survey: { slug: view.survey.slug, title: view.survey.title },
    overall: whole.figure,
    elements: whole.figure ? whole.result.dimensions.map((d) => ({ name: d.name, title: d.title, index: d.suppressed ? null : d.index })) : [],
    units,
    ranking: ranked.ranked.map((r) => ({ code: r.key, name: r.label, index: r.index, rank: r.rank })),
    notEnough: ranked.suppressed.map((r) => ({ code: r.key, name: r.label })),
    trend,
    cases,
  };
}

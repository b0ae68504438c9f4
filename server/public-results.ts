// What /ket-qua and GET /api/public-results publish: per quarter, the overall index with its
// interval and respondents, each reporting unit's index with its verdict against the stated
// benchmark, the units with too few respondents (named, never with a figure), the last four
// quarters, and cases handled on time among those already due. Built only from rollups and case
// counts: never a comment, never a figure from fewer than MIN_RESPONSES respondents.
import type { Db } from '@/db';
import { caseStatsByUnit } from '@/db/queries/cases';
import { listActiveUnits } from '@/db/queries/catalog';
import { unitSubtreeIds } from '@/db/queries/units';
import type { Principal } from '@/lib/auth/permissions';
import { rankByIndex, type Benchmark, type IndicesResult, type Interval, type Verdict } from '@/lib/indices';
import { endOfLocalDayMs, localDay, previousQuarters, quarterBounds, startOfLocalDayMs } from '@/lib/time/local';

import { indicesFor } from './indices';
import { benchmarkFor, targetBenchmark } from './rankings';
import { isViewError, resolveView } from './view';

// The public sees every unit, read-only, through the same view logic as the dashboard.
const PUBLIC: Principal = { kind: 'token', id: 0, label: 'public', role: 'leader', unitId: null };

/** The contract of GET /api/public-results (README). */
export type PublicResults = {
  quarter: string;
  survey: string;
  /** True while the quarter is still running: its figures will change. */
  provisional: boolean;
  benchmark: Benchmark | null;
  overall: { index: number | null; ci95: Interval | null; responses: number };
  units: Array<{ code: string; name: string; index: number; ci95: Interval; responses: number; verdict: Verdict }>;
  suppressed: Array<{ code: string; name: string; responses: number }>;
  cases: Array<{ unit: string; received: number; due: number; closedOnTime: number }>;
};

/** What the page shows besides the contract: titles, elements and the last four quarters. */
export type PublicPage = PublicResults & {
  surveyTitle: string;
  target: Benchmark | null;
  elements: Array<{ name: string; title: string; index: number | null }>;
  trend: Array<{ quarter: string; index: number | null }>;
};

export async function publicResults(
  db: Db,
  {
    quarter,
    survey,
    minResponses,
    now,
    target,
  }: { quarter: string; survey: string; minResponses: number; now: number; target?: number },
): Promise<PublicPage | null> {
  const view = await resolveView(db, PUBLIC, { survey, quarter }, now);
  if (isViewError(view)) return null;
  const { scoring } = view.survey;
  const indices = (filter: typeof view.filter): Promise<IndicesResult> => indicesFor(db, scoring, filter, minResponses);

  // Units that report directly (the department's divisions), each with its subtree.
  const all = await listActiveUnits(db);
  const root = all.find((u) => u.parentId === null);
  const reporting = all.filter((u) => u.parentId === (root?.id ?? null) && u.id !== root?.id);
  const bounds = quarterBounds(quarter);
  const [whole, perUnit, trend, caseRows] = await Promise.all([
    indices(view.filter),
    Promise.all(
      reporting.map(async (u) => ({
        unit: u,
        result: await indices({ ...view.filter, unitIds: [...(await unitSubtreeIds(db, u.id))].sort((a, b) => a - b) }),
      })),
    ),
    Promise.all(
      previousQuarters(quarter, 4).map(async (q) => ({
        quarter: q,
        index: (await indices({ ...view.filter, ...quarterBounds(q) })).index,
      })),
    ),
    caseStatsByUnit(db, { unitIds: null, from: startOfLocalDayMs(bounds.from), to: endOfLocalDayMs(bounds.to), now }),
  ]);

  const benchmark = benchmarkFor(view, whole);
  const targetMark = targetBenchmark(target);
  // A unit without any response in the quarter (no public desks) is not listed at all.
  const rows = perUnit
    .filter((u) => u.result.responses > 0)
    .map((u) => ({ key: u.unit.code, label: u.unit.name, result: u.result }));
  const ranking = rankByIndex({ rows, benchmark: benchmark?.index ?? null });

  return {
    quarter,
    survey: view.survey.slug,
    provisional: bounds.to >= localDay(now),
    benchmark,
    overall: { index: whole.index, ci95: whole.ci95, responses: whole.responses },
    units: ranking.ranked.map((r) => ({
      code: r.key,
      name: r.label,
      index: r.index,
      ci95: r.ci95,
      responses: r.responses,
      verdict: r.verdict,
    })),
    suppressed: ranking.suppressed.map((r) => ({ code: r.key, name: r.label, responses: r.responses })),
    cases: caseRows.map((c) => ({
      unit: c.unitName,
      received: Number(c.received),
      due: Number(c.due ?? 0),
      closedOnTime: Number(c.dueClosedOnTime ?? 0),
    })),
    surveyTitle: view.survey.title,
    target: targetMark,
    elements:
      whole.index === null
        ? []
        : whole.dimensions.map((d) => ({ name: d.name, title: d.title, index: d.suppressed ? null : d.index })),
    trend,
  };
}

/** Only the fields of the public contract, in its order. */
export function publicContract(page: PublicPage): PublicResults {
  const { quarter, survey, provisional, benchmark, overall, units, suppressed, cases } = page;
  return { quarter, survey, provisional, benchmark, overall, units, suppressed, cases };
}

// Published figures change slowly and are public: each quarter × survey is computed at most once
// every five minutes per server, however many people (or API clients) ask.
const CACHE_MS = 5 * 60_000;
const cache = new Map<string, { at: number; value: PublicPage | null }>();

export async function cachedPublicResults(
  db: Db,
  args: { quarter: string; survey: string; minResponses: number; target?: number },
  now: number = Date.now(),
): Promise<PublicPage | null> {
  const key = `${args.quarter}|${args.survey}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  const value = await publicResults(db, { ...args, now });
  cache.set(key, { at: now, value });
  return value;
}

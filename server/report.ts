import type { Db } from '@/db';
import { caseStatsByUnit } from '@/db/queries/cases';
import { listActiveUnits } from '@/db/queries/catalog';
import { reportConclusions, reportRecommendations, standouts, type ReportFacts } from '@/lib/report/recommendations';
import { endOfLocalDayMs, localDay, startOfLocalDayMs } from '@/lib/time/local';

import type { DashboardData } from './dashboard';
import { prioritiesFor, type Priorities } from './priorities';
import { reasonsFor, type Reasons } from './reasons';
import type { ResolvedView } from './view';

export type CaseStat = { unit: string; received: number; due: number; onTime: number; overdue: number };

export type ReportDocument = {
  /** The department issuing the report: the root of the unit tree. */
  department: string;
  /** The quarter has not ended yet: every figure is provisional ("tạm tính"). */
  provisional: boolean;
  asOf: string;
  priorities: Priorities | null;
  reasons: Reasons | null;
  cases: { rows: CaseStat[]; total: CaseStat };
  conclusions: string[];
  recommendations: string[];
};

/** What the quarterly report adds to the dashboard's figures: the document frame, priorities, cases and the generated text. */
export async function loadReportDocument(
  db: Db,
  view: ResolvedView,
  data: DashboardData,
  minResponses: number,
  nowMs: number,
): Promise<ReportDocument> {
  const today = localDay(nowMs);
  const [priorities, reasons, units, caseRows] = await Promise.all([
    prioritiesFor(db, view, minResponses, data),
    reasonsFor(db, view, minResponses),
    listActiveUnits(db),
    caseStatsByUnit(db, {
      unitIds: view.filter.unitIds ? new Set(view.filter.unitIds) : null,
      from: startOfLocalDayMs(view.period.from),
      to: endOfLocalDayMs(view.period.to),
      now: nowMs,
    }),
  ]);
  const rows = caseRows.map((r) => ({
    unit: r.unitName,
    received: Number(r.received),
    due: Number(r.due),
    onTime: Number(r.dueClosedOnTime),
    overdue: Number(r.overdue),
  }));
  const total = rows.reduce(
    (t, r) => ({
      ...t,
      received: t.received + r.received,
      due: t.due + r.due,
      onTime: t.onTime + r.onTime,
      overdue: t.overdue + r.overdue,
    }),
    {
      unit: 'Tổng cộng',
      received: 0,
      due: 0,
      onTime: 0,
      overdue: 0,
    },
  );
  const provisional = today <= view.period.to;
  const { above, below } = standouts([...data.rankings.units.ranked, ...data.rankings.points.ranked]);
  const facts: ReportFacts = {
    index: data.indices.suppressed ? null : data.indices.index,
    respondents: data.indices.responses,
    minResponses,
    change:
      data.indexDelta === null || !data.change
        ? null
        : { delta: data.indexDelta, significant: data.change.significant },
    benchmark: data.trend.reference
      ? { label: `SIPAS toàn quốc ${data.trend.reference.year}`, index: data.trend.reference.index }
      : null,
    fixFirst: (priorities?.criteria ?? [])
      .filter((c) => c.quadrant === 'fix_first' && c.index !== null)
      .sort((a, b) => b.importance! - a.importance!)
      .map((c) => ({ title: c.title, index: c.index! })),
    reasons:
      reasons && !reasons.total.suppressed
        ? reasons.total.choices
            .filter((c) => c.count > 0)
            .sort((a, b) => b.count - a.count)
            .map((c) => ({
              label: reasons.choices.find((x) => x.value === c.choice)?.label ?? c.choice,
              share: c.share ?? 0,
            }))
        : [],
    below,
    above,
    cases: total,
    provisional,
  };
  return {
    department: units.find((u) => u.parentId === null)?.name ?? 'Sở Xây dựng',
    provisional,
    asOf: provisional ? today : view.period.to,
    priorities,
    reasons,
    cases: { rows, total },
    conclusions: reportConclusions(facts),
    recommendations: reportRecommendations(facts),
  };
}

import { cache } from 'react';

import { getDb } from '@/db';
import { formatInt, formatPercent, formatSigned } from '@/lib/dashboard/format';
import { standouts } from '@/lib/report/recommendations';
import type { DashboardData } from '@/server/dashboard';
import { prioritiesFor } from '@/server/priorities';
import { reasonsFor } from '@/server/reasons';
import type { ResolvedView } from '@/server/view';

/** One computation per request, shared by the first screen and the priorities section. */
export const cachedPriorities = cache((view: ResolvedView, minResponses: number, data: DashboardData) =>
  prioritiesFor(getDb(), view, minResponses, data),
);
export const cachedReasons = cache((view: ResolvedView, minResponses: number) =>
  reasonsFor(getDb(), view, minResponses),
);

/**
 * The director's three questions, answered in words above everything else: how satisfied are
 * citizens, which units and desks are clearly above or below, what to fix first.
 */
export async function Answers({
  view,
  data,
  minResponses,
}: {
  view: ResolvedView;
  data: DashboardData;
  minResponses: number;
}) {
  const [priorities, reasons] = await Promise.all([
    cachedPriorities(view, minResponses, data),
    cachedReasons(view, minResponses),
  ]);
  const { indices, indexDelta, change, trend } = data;
  const overallCi = indices.ci95;
  const units = standouts(data.rankings.units.ranked);
  const desks = standouts(data.rankings.points.ranked);
  const above = [...units.above, ...desks.above];
  const below = [...units.below, ...desks.below];
  const fix = (priorities?.criteria ?? [])
    .filter((c) => c.quadrant === 'fix_first')
    .sort((a, b) => b.importance! - a.importance!)
    .slice(0, 3)
    .map((c) => `${c.title} (${formatPercent(c.index)})`);
  const topReasons =
    reasons && !reasons.total.suppressed
      ? [...reasons.total.choices]
          .filter((c) => c.count > 0)
          .sort((a, b) => b.count - a.count)
          .slice(0, 2)
          .map(
            (c) =>
              `${reasons.choices.find((x) => x.value === c.choice)?.label ?? c.choice} (${formatPercent(c.share)} người chưa hài lòng chọn)`,
          )
      : [];
  const toFix = [...fix, ...topReasons];
  return (
    <section className="dash-answers" aria-label="Tóm tắt / Summary" data-testid="answers">
      <div>
        <h2>Mức hài lòng</h2>
        {indices.suppressed ? (
          <p>Chưa đủ dữ liệu (n = {formatInt(indices.responses)}).</p>
        ) : (
          <p>
            <strong className="dash-answers__big">{formatPercent(indices.index)}</strong>
            {overallCi && ` (KTC 95 % ${formatPercent(overallCi[0])} – ${formatPercent(overallCi[1])})`}, n ={' '}
            {formatInt(indices.responses)}
            {indexDelta !== null &&
              `; ${formatSigned(indexDelta)} điểm so với kỳ trước${change && !change.significant ? ' (chưa rõ rệt)' : ''}`}
            {trend.reference && `; SIPAS toàn quốc ${trend.reference.year}: ${formatPercent(trend.reference.index)}`}.
          </p>
        )}
      </div>
      <div>
        <h2>Đơn vị, quầy</h2>
        {above.length + below.length === 0 ? (
          <p>Chưa khác biệt rõ so với mức chung.</p>
        ) : (
          <>
            {above.length > 0 && <p>Tốt hơn rõ: {above.join('; ')}.</p>}
            {below.length > 0 && <p className="dash-answers__bad">Chưa tốt, thấp hơn rõ: {below.join('; ')}.</p>}
          </>
        )}
      </div>
      <div>
        <h2>Cần cải thiện trước</h2>
        {toFix.length === 0 ? (
          <p>Chưa đủ dữ liệu để xác định.</p>
        ) : (
          <ol>
            {toFix.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

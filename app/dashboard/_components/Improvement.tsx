import type { DashboardData } from '@/server/dashboard';
import type { ResolvedView } from '@/server/view';

import { cachedPriorities, cachedReasons } from './Answers';

import { PrioritySection } from './Priorities';
import { ReasonSection } from './Reasons';

/**
 * What to fix first: the priorities of a survey with an outcome question, and the reasons the
 * dissatisfied chose where the survey asks for them. Async, so the page streams it.
 */
export async function Improvement({
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
  if (!priorities && !reasons) return null;
  return (
    <div className="dash-grid dash-grid--even">
      {priorities && <PrioritySection priorities={priorities} minResponses={minResponses} />}
      {reasons && <ReasonSection reasons={reasons} minResponses={minResponses} />}
    </div>
  );
}

export function ImprovementSkeleton() {
  return (
    <div className="dash-card" aria-busy="true">
      <h2>Ưu tiên cải thiện</h2>
      <p className="muted">Đang tính…</p>
    </div>
  );
}

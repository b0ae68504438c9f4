import { cache } from 'react';

import { getDb } from '@/db';
import type { DashboardData } from '@/server/dashboard';
import { prioritiesFor } from '@/server/priorities';
import { reasonsFor } from '@/server/reasons';
import type { ResolvedView } from '@/server/view';

/** What the sections about improvement read: the view, its dashboard figures and the suppression threshold. */
export interface ImprovementProps {
  view: ResolvedView;
  data: DashboardData;
  minResponses: number;
}

/** One computation per request, shared by the first screen and the priorities section. */
export const cachedPriorities = cache((view: ResolvedView, minResponses: number, data: DashboardData) =>
  prioritiesFor(getDb(), view, minResponses, data),
);
export const cachedReasons = cache((view: ResolvedView, minResponses: number) =>
  reasonsFor(getDb(), view, minResponses),
);

/** The priorities (null without an outcome question) and the reasons (null without a reasons question). */
export async function improvementOf({ view, data, minResponses }: ImprovementProps) {
  const [priorities, reasons] = await Promise.all([
    cachedPriorities(view, minResponses, data),
    cachedReasons(view, minResponses),
  ]);
  return { priorities, reasons };
}

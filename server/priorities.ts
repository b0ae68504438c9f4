import type { Db } from '@/db';
import { readRespondentValues } from '@/db/queries/respondent-values';
import { computePriorities, type IndicesResult, type PrioritiesResult } from '@/lib/indices';
import { outcomeQuestionOf } from '@/lib/survey/scoring';

import { indicesFor } from './indices';
import type { ResolvedView } from './view';

/**
 * Respondents a priority model reads at most. Relative weights of 22 criteria settle well below
 * this (the bootstrap interval shows how well); reading more would only cost time.
 */
export const PRIORITY_SAMPLE_CAP = 2000;

export type Priorities = { survey: string; outcome: string } & PrioritiesResult;

/**
 * The improvement priorities of a view: each criterion's derived importance for the survey's
 * outcome question and its index. Null when the survey has no outcome question. Pass the view's
 * indices when the caller has them already.
 */
export async function prioritiesFor(
  db: Db,
  view: Pick<ResolvedView, 'survey' | 'filter'>,
  minResponses: number,
  indices?: IndicesResult,
): Promise<Priorities | null> {
  const outcome = outcomeQuestionOf(view.survey.definition);
  if (outcome === null) return null;
  const { scoring } = view.survey;
  const [result, respondents] = await Promise.all([
    indices ?? indicesFor(db, scoring, view.filter, minResponses),
    readRespondentValues(db, view.filter, {
      outcome,
      criteria: scoring.questions.filter((q) => q.dimension !== null).map((q) => q.name),
      cap: PRIORITY_SAMPLE_CAP,
    }),
  ]);
  const criteria = result.dimensions.flatMap((d) =>
    d.criteria.map((c) => ({ question: c.question, title: c.title, dimension: d.name, index: c.index })),
  );
  // The SQL pivot reads the criteria in scoring order; the indices list them by dimension.
  const order = scoring.questions.filter((q) => q.dimension !== null).map((q) => q.name);
  const position = criteria.map((c) => order.indexOf(c.question));
  const aligned = respondents.map((r) => ({ outcome: r.outcome, values: position.map((p) => r.values[p] ?? null) }));
  return { survey: view.survey.slug, outcome, ...computePriorities({ criteria, respondents: aligned, minResponses }) };
}

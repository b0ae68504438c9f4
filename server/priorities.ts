import type { Db } from '@/db';
import { readRespondentValues } from '@/db/queries/respondent-values';
import { readActivity } from '@/db/queries/rollup-reads';
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

/** Results kept per connection; the least recently used goes first. */
export const PRIORITY_CACHE_SIZE = 64;
const caches = new WeakMap<Db, Map<string, Priorities>>();

/**
 * The improvement priorities of a view: each criterion's derived importance for the survey's
 * outcome question and its index. Null when the survey has no outcome question. Pass the view's
 * indices, and the responses stored in its scope (repeat presses and bursts included), when the
 * caller has them already.
 *
 * The model (a bootstrap over up to PRIORITY_SAMPLE_CAP respondents) takes seconds, so its result
 * is kept per scope and data version: responses are never changed or deleted once stored, so the
 * number stored in a scope changes exactly when what the model reads does.
 */
export async function prioritiesFor(
  db: Db,
  view: Pick<ResolvedView, 'survey' | 'filter'>,
  minResponses: number,
  known: { indices?: IndicesResult; stored?: number } = {},
): Promise<Priorities | null> {
  const outcome = outcomeQuestionOf(view.survey.definition);
  if (outcome === null) return null;
  const stored = known.stored ?? (await storedResponses(db, view.filter));
  const { versionIds, from, to, unitIds, pointId, procedureId, channel } = view.filter;
  const key = JSON.stringify([versionIds, from, to, unitIds, pointId, procedureId, channel, minResponses, stored]);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = await computePrioritiesFor(db, view, minResponses, outcome, known.indices);
  cache.set(key, result);
  if (cache.size > PRIORITY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

/** Every response stored in the view's scope, flagged ones included, from the activity rollups. */
async function storedResponses(db: Db, filter: ResolvedView['filter']): Promise<number> {
  const rows = await readActivity(db, { ...filter, includeRepeats: true }, 'month');
  return rows.reduce((sum, r) => sum + Number(r.responses), 0);
}

async function computePrioritiesFor(
  db: Db,
  view: Pick<ResolvedView, 'survey' | 'filter'>,
  minResponses: number,
  outcome: string,
  indices: IndicesResult | undefined,
): Promise<Priorities> {
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

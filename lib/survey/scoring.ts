import type { SurveyDefinition } from './definition-schema';
import { elementsOf } from './elements';
import { localize, type Locale } from './localized-text';
import { integerValues, scaleOf } from './scale';
import type { ScoredQuestion, Scoring } from './types';

export { localize } from './localized-text';
export type { Locale, LocalizedText } from './localized-text';
export type { ScoredQuestion, Scoring, ScoringDimension } from './types';

/**
 * The lowest value counted as satisfied when a question does not say (`satisfiedFrom`): the
 * top two values of the scale ("top-two-box"), the usual satisfaction measure. It gives 4 on
 * 1–5 (SIPAS: Hài lòng, Rất hài lòng), 2 on 1–3 (per-dossier rating: Hài lòng, Rất hài lòng),
 * 9 on 0–10, 6 on 1–7; on a two-value scale, the higher value.
 */
export function defaultSatisfiedFrom(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const from = sorted[sorted.length <= 2 ? sorted.length - 1 : sorted.length - 2];
  if (from === undefined) throw new Error('defaultSatisfiedFrom: empty scale');
  return from;
}

/**
 * The scoring annotations of a survey (DESIGN §3). Every single-choice question whose values are
 * all integers is scored, with or without a dimension, so that its distribution can be shown;
 * only questions with a dimension enter the index. SurveyJS's built-in items ("none", "other")
 * are not on the scale.
 */
export function extractScoring(def: SurveyDefinition): Scoring {
  const questions: ScoredQuestion[] = [];
  for (const { element } of elementsOf(def)) {
    if (element.type !== 'radiogroup' && element.type !== 'rating' && element.type !== 'dropdown') continue;
    const values = integerValues(scaleOf(element));
    if (values === null || values.length < 2) continue;
    questions.push({
      name: element.name,
      title: element.title ?? element.name,
      dimension: element.dimension ?? null,
      values,
      min: values[0]!,
      max: values[values.length - 1]!,
      satisfiedFrom: element.satisfiedFrom ?? defaultSatisfiedFrom(values),
    });
  }
  const dimensions = (def.dimensions ?? []).map(({ name, title }) => ({ name, title }));
  return { dimensions, questions };
}

type Localized<T> = Omit<T, 'title'> & { title: string };

/** Scoring with titles in one locale: the shape lib/indices and the API responses use. */
export function localizeScoring(
  scoring: Scoring,
  locale: Locale,
): { dimensions: Localized<Scoring['dimensions'][number]>[]; questions: Localized<ScoredQuestion>[] } {
  return {
    dimensions: scoring.dimensions.map((d) => ({ ...d, title: localize(d.title, locale) })),
    questions: scoring.questions.map((q) => ({ ...q, title: localize(q.title, locale) })),
  };
}

/**
 * The survey's outcome question (`outcome: true`): the overall rating that improvement priorities
 * explain by the criteria. Only a scored question outside every dimension qualifies (an index
 * criterion cannot explain itself); the first such one wins.
 */
export function outcomeQuestionOf(def: SurveyDefinition): string | null {
  const scored = new Set(extractScoring(def).questions.filter((q) => q.dimension === null).map((q) => q.name));
  for (const { element } of elementsOf(def)) {
    const { name, outcome } = element as { name?: string; outcome?: unknown };
    if (outcome === true && name !== undefined && scored.has(name)) return name;
  }
  return null;
}

/**
 * The rating that tells a comment's praise from a suggestion: the outcome question, or else the
 * first criterion (the quick survey's only one).
 */
export function commentRatingOf(def: SurveyDefinition): ScoredQuestion | null {
  const { questions } = extractScoring(def);
  const outcome = outcomeQuestionOf(def);
  return questions.find((q) => q.name === outcome) ?? questions.find((q) => q.dimension !== null) ?? null;
}

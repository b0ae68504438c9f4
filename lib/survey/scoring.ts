import type { ItemValue, Model, Question } from 'survey-core';

import type { SurveyDefinition } from './definition-schema';
import { elementsOf, isQuestion, valueKeyOf } from './elements';
import { localize, type Locale, type LocalizedText } from './localized-text';
import { createSurveyModel } from './survey-model';
import type { ScoredAnswer, ScoredQuestion, Scoring } from './types';

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

/** The key a matrix row's (or cell's) score is stored under: SurveyJS's own `{matrix.row}` notation. */
export const criterionKey = (...parts: readonly string[]): string => parts.join('.');

type Annotated = {
  dimension?: unknown;
  satisfiedFrom?: unknown;
  text?: unknown;
  value?: unknown;
  title?: unknown;
  name?: unknown;
};

/** The sorted values when all are integers (a scorable scale), otherwise null. */
export function integerScale(values: readonly unknown[]): number[] | null {
  if (values.length === 0 || !values.every((v) => typeof v === 'number' && Number.isInteger(v))) return null;
  return [...new Set(values as number[])].sort((a, b) => a - b);
}

type Select = Question & {
  choices: ItemValue[];
  visibleChoices: ItemValue[];
  otherItem: ItemValue;
  noneItem: ItemValue;
  refuseItem?: ItemValue;
  dontKnowItem?: ItemValue;
  visibleRateValues: ItemValue[];
};

/** The values on a single-choice question's scale: SurveyJS's built-in items ("none", "other") are not on it. */
export function scaleValues(q: Question): unknown[] {
  const s = q as Select;
  if (q.getType() === 'rating') return s.visibleRateValues.map((i) => i.value as unknown);
  const builtIn = new Set([s.otherItem, s.noneItem, s.refuseItem, s.dontKnowItem]);
  const items = [...s.choices, ...s.visibleChoices.filter((i) => !builtIn.has(i))];
  return [...new Set(items.map((i) => i.value as unknown))];
}

const textOf = (item: Annotated | string | number, fallback: string): LocalizedText => {
  if (typeof item !== 'object') return String(item);
  const text = item.text ?? item.title;
  return typeof text === 'string' || (typeof text === 'object' && text !== null) ? (text as LocalizedText) : fallback;
};

const rowValue = (row: Annotated | string | number): string => String(typeof row === 'object' ? row.value : row);

const SINGLE = new Set(['radiogroup', 'rating', 'dropdown']);

/**
 * The scoring annotations of a survey (README "Scoring annotations"). Scored are every
 * single-choice question (radiogroup, rating, dropdown) whose values are all integers, every row
 * of a `matrix` whose columns are, and every rating cell of a `matrixdropdown` row; with or
 * without a dimension, so that their distribution can be shown; only those with a dimension
 * enter the index. A matrix's `dimension`/`satisfiedFrom` apply to its rows, and a row may carry
 * its own. A row is keyed `<matrix>.<row value>`, a cell `<matrix>.<row value>.<column name>`.
 */
export function extractScoring(def: SurveyDefinition, model: Model = createSurveyModel(def)): Scoring {
  const questions: ScoredQuestion[] = [];
  const locations = new Map<string, readonly string[]>();
  const add = (
    path: readonly string[],
    entry: Omit<ScoredQuestion, 'name' | 'values' | 'min' | 'max' | 'satisfiedFrom'>,
    values: number[],
    own: Annotated[],
  ) => {
    const from = own.map((a) => a.satisfiedFrom).find((v) => typeof v === 'number') as number | undefined;
    const name = criterionKey(...path);
    questions.push({
      name,
      ...entry,
      values,
      min: values[0]!,
      max: values[values.length - 1]!,
      satisfiedFrom: from ?? defaultSatisfiedFrom(values),
    });
    locations.set(name, path);
  };
  const dimensionOf = (own: Annotated[]) =>
    (own.map((a) => a.dimension).find((v) => typeof v === 'string') as string | undefined) ?? null;

  for (const { element } of elementsOf(def)) {
    if (!isQuestion(element)) continue;
    const q = model.getQuestionByName(element.name);
    if (!q) continue;
    const key = valueKeyOf(element);
    const raw = element as Annotated & {
      rows?: Array<Annotated | string | number>;
      columns?: Array<Annotated | string>;
    };
    if (SINGLE.has(element.type)) {
      const values = integerScale(scaleValues(q));
      if (values && values.length >= 2)
        add([key], { title: element.title ?? element.name, dimension: dimensionOf([raw]) }, values, [raw]);
    } else if (element.type === 'matrix') {
      const values = integerScale((q as Question & { columns: ItemValue[] }).columns.map((c) => c.value as unknown));
      if (!values || values.length < 2) continue;
      for (const row of raw.rows ?? []) {
        const own = typeof row === 'object' ? [row, raw] : [raw];
        add([key, rowValue(row)], { title: textOf(row, rowValue(row)), dimension: dimensionOf(own) }, values, own);
      }
    } else if (element.type === 'matrixdropdown') {
      const columns = (q as Question & { columns: Array<{ name: string; title: string; templateQuestion: Question }> })
        .columns;
      for (const column of columns) {
        if (column.templateQuestion.getType() !== 'rating') continue;
        const values = integerScale(scaleValues(column.templateQuestion));
        if (!values || values.length < 2) continue;
        const rawColumn = (raw.columns ?? []).find(
          (c): c is Annotated => typeof c === 'object' && c.name === column.name,
        );
        for (const row of raw.rows ?? []) {
          const own = [...(typeof row === 'object' ? [row] : []), ...(rawColumn ? [rawColumn] : []), raw];
          const rowText = localize(textOf(row, rowValue(row)));
          add(
            [key, rowValue(row), column.name],
            { title: `${rowText} – ${column.title}`, dimension: dimensionOf(own) },
            values,
            own,
          );
        }
      }
    }
  }
  const dimensions = (def.dimensions ?? []).map(({ name, title }) => ({ name, title }));
  return { dimensions, questions, locations };
}

/** The numeric answers to scored questions and matrix rows, in survey order: what the answers table holds. */
export function scoredAnswersOf(scoring: Scoring, data: Readonly<Record<string, unknown>>): ScoredAnswer[] {
  const scored: ScoredAnswer[] = [];
  for (const q of scoring.questions) {
    let value: unknown = data;
    for (const part of scoring.locations.get(q.name) ?? [q.name]) {
      value =
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)[part]
          : undefined;
    }
    // Built-in items ("none", "other") are strings: not applicable, so not scored.
    if (typeof value === 'number' && q.values.includes(value)) scored.push({ question: q.name, value });
  }
  return scored;
}

type Localized<T> = Omit<T, 'title'> & { title: string };

/** Scoring with titles in one locale: the shape lib/indices and the API responses use. */
export function localizeScoring(
  scoring: Pick<Scoring, 'dimensions' | 'questions'>,
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
  const scored = new Set(
    extractScoring(def)
      .questions.filter((q) => q.dimension === null)
      .map((q) => q.name),
  );
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

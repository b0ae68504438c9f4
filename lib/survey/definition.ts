import type { z } from 'zod';

import type { ItemValue, Model, Question } from 'survey-core';

import { REFUSED_TYPES, surveySchema, type QuestionDefinition, type SurveyDefinition } from './definition-schema';
import { elementsOf, formatPath, isQuestion, questionsOf, valueKeyOf } from './elements';
import { hasScale, ratingBounds, scaleOf, type JsonPath } from './scale';
import { extractScoring, integerScale, scaleValues } from './scoring';
import { createSurveyModel } from './survey-model';

export type { SurveyDefinition } from './definition-schema';

export interface DefinitionProblem {
  path: JsonPath;
  message: string;
}

/** One line per problem, each naming the source: `surveys/quick.json: pages[0].name: …`. */
export class SurveyDefinitionError extends Error {
  readonly source: string;
  readonly problems: readonly DefinitionProblem[];

  constructor(source: string, problems: readonly DefinitionProblem[]) {
    const lines = problems.map(({ path, message }) =>
      path.length > 0 ? `${source}: ${formatPath(path)}: ${message}` : `${source}: ${message}`,
    );
    super(lines.join('\n'));
    this.name = 'SurveyDefinitionError';
    this.source = source;
    this.problems = problems;
  }
}

export const SCORABLE_TYPES: ReadonlySet<string> = new Set([
  'radiogroup',
  'rating',
  'dropdown',
  'matrix',
  'matrixdropdown',
]);
const SCORABLE_LIST = 'radiogroup, rating, dropdown, matrix rows, matrixdropdown rating cells';

const ARTICLES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  undefined: 'nothing',
};

function zodMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') return `expected ${ARTICLES[issue.expected] ?? issue.expected}`;
  return undefined;
}

/**
 * Unions report "no branch matched" at the union. When the input had the shape of one branch
 * (an object choice whose `value` is wrong), that branch's own issues point at the actual fault.
 */
function flatten(issues: readonly z.core.$ZodIssue[], prefix: JsonPath = []): DefinitionProblem[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const shaped = issue.errors.find((branch) =>
        branch.every((inner) => inner.path.length > 0 || inner.code !== 'invalid_type'),
      );
      if (shaped) return flatten(shaped, path);
    }
    return [{ path, message: issue.message }];
  });
}

function checkScale(question: QuestionDefinition, path: JsonPath, problems: DefinitionProblem[], model: Model): void {
  const at = (suffix: JsonPath, message: string) => problems.push({ path: [...path, ...suffix], message });
  if (hasScale(question)) {
    const seen = new Set<string | number>();
    for (const entry of scaleOf(question).entries) {
      if (seen.has(entry.value)) at(entry.path, `duplicate value ${JSON.stringify(entry.value)}`);
      seen.add(entry.value);
    }
    if (question.type === 'rating' && !question.rateValues?.length) {
      const { min, max } = ratingBounds(question);
      if (min >= max) at(['rateMax'], `rateMax (${max}) must be greater than rateMin (${min})`);
    }
  }
  if (question.type === 'checkbox' || !SCORABLE_TYPES.has(question.type) || question.type === 'matrixdropdown') return;
  const annotated =
    question.dimension !== undefined ||
    question.satisfiedFrom !== undefined ||
    (question.type === 'matrix' &&
      (question.rows ?? []).some(
        (r) => typeof r === 'object' && (r.dimension !== undefined || r.satisfiedFrom !== undefined),
      ));
  if (!annotated) return;

  const q = model.getQuestionByName(question.name);
  if (!q) return;
  const reason = question.dimension !== undefined ? `scored in "${question.dimension}"` : 'it is scored';
  const offered =
    question.type === 'matrix'
      ? (q as Question & { columns: ItemValue[] }).columns.map((c) => c.value as unknown)
      : scaleValues(q);
  const where = question.type === 'matrix' ? 'columns' : question.type === 'rating' ? 'rateValues' : 'choices';
  offered.forEach((value, i) => {
    if (typeof value !== 'number') at([where, i], `expected a number (the question is ${reason})`);
    else if (!Number.isInteger(value)) at([where, i], `expected an integer (the question is ${reason})`);
  });
  const values = integerScale(offered);
  if (values === null) return;
  if (values.length < 2) {
    at([where], 'a scored question needs at least two values');
    return;
  }
  const min = values[0]!;
  const max = values[values.length - 1]!;
  const checkFrom = (from: unknown, fromPath: JsonPath) => {
    if (from !== undefined && (typeof from !== 'number' || !Number.isInteger(from) || from < min || from > max)) {
      at(fromPath, `${String(from)} is not on the scale ${min}–${max}`);
    }
  };
  checkFrom(question.satisfiedFrom, ['satisfiedFrom']);
  if (question.type === 'matrix') {
    (question.rows ?? []).forEach(
      (row, i) => typeof row === 'object' && checkFrom(row.satisfiedFrom, ['rows', i, 'satisfiedFrom']),
    );
  }
}

/** Dimension names on the question, its matrix rows and its matrixdropdown columns, with their paths. */
function dimensionsNamed(element: QuestionDefinition): Array<{ name: string; path: JsonPath }> {
  const found: Array<{ name: string; path: JsonPath }> = [];
  if (element.dimension !== undefined) found.push({ name: element.dimension, path: ['dimension'] });
  if (element.type === 'matrix' || element.type === 'matrixdropdown') {
    (element.rows ?? []).forEach((row, i) => {
      if (typeof row === 'object' && typeof row.dimension === 'string')
        found.push({ name: row.dimension, path: ['rows', i, 'dimension'] });
    });
  }
  if (element.type === 'matrixdropdown' || element.type === 'matrixdynamic') {
    (element.columns ?? []).forEach((column, i) => {
      const d = (column as { dimension?: unknown }).dimension;
      if (typeof d === 'string') found.push({ name: d, path: ['columns', i, 'dimension'] });
    });
  }
  return found;
}

/** What the schema cannot see: names across the survey, dimension references, scales, refused types. */
function checkReferences(def: SurveyDefinition, model: Model): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const declared = new Set<string>();
  (def.dimensions ?? []).forEach((dimension, i) => {
    if (declared.has(dimension.name)) {
      problems.push({ path: ['dimensions', i, 'name'], message: `duplicate dimension "${dimension.name}"` });
    }
    declared.add(dimension.name);
  });
  const declaredList =
    declared.size > 0 ? `declared: ${[...declared].join(', ')}` : 'the survey declares no dimensions';

  const names = new Map<string, JsonPath>();
  for (const { element, path } of elementsOf(def)) {
    if (REFUSED_TYPES.has(element.type)) {
      problems.push({
        path: [...path, 'type'],
        message: `${element.type} questions are not supported: Hài Lòng stores no files or drawings (answers stay small, anonymous JSON)`,
      });
      continue;
    }
    if (element.type === 'panel' || element.name === undefined) continue;
    const first = names.get(element.name);
    if (first) {
      problems.push({
        path: [...path, 'name'],
        message: `duplicate name "${element.name}" (first at ${formatPath(first)})`,
      });
    } else {
      names.set(element.name, path);
    }
    if (!isQuestion(element)) continue;

    const choicesByUrl = (element as { choicesByUrl?: unknown }).choicesByUrl;
    const listed = (element as { choices?: unknown[] }).choices;
    if (choicesByUrl !== undefined && !(Array.isArray(listed) && listed.length > 0)) {
      problems.push({
        path: [...path, 'choicesByUrl'],
        message: 'choicesByUrl needs the choices listed too (the fallback the server checks answers against)',
      });
    }
    const scorable = SCORABLE_TYPES.has(element.type);
    for (const { name, path: dimensionPath } of dimensionsNamed(element)) {
      if (!scorable) {
        problems.push({
          path: [...path, ...dimensionPath],
          message: `a ${element.type} question cannot be scored (only ${SCORABLE_LIST})`,
        });
      } else if (!declared.has(name)) {
        problems.push({ path: [...path, ...dimensionPath], message: `unknown dimension "${name}" (${declaredList})` });
      }
    }
    if (element.satisfiedFrom !== undefined && !scorable) {
      problems.push({
        path: [...path, 'satisfiedFrom'],
        message: `a ${element.type} question cannot be scored (only ${SCORABLE_LIST})`,
      });
    }
    checkScale(element, path, problems, model);
  }
  if (problems.length === 0) problems.push(...checkScoredKeys(def, model));
  return problems;
}

/** A matrix row's score key (`<matrix>.<row>`) must not be another question's answer key. */
function checkScoredKeys(def: SurveyDefinition, model: Model): DefinitionProblem[] {
  const keys = new Set(questionsOf(def).map(valueKeyOf));
  const scoring = extractScoring(def, model);
  return scoring.questions
    .filter((q) => scoring.locations.get(q.name)!.length > 1 && keys.has(q.name))
    .map((q) => ({
      path: [],
      message: `the matrix row key "${q.name}" is also a question's name: rename one of them`,
    }));
}

/**
 * Validates a survey definition (a bundled file, an import, a stored version) and returns it
 * typed. The result equals the input, unknown SurveyJS properties included.
 * @param source names the definition in error messages, e.g. `surveys/quick.json`.
 * @throws SurveyDefinitionError listing every problem with its JSON path.
 */
export function parseSurveyDefinition(json: unknown, source: string): SurveyDefinition {
  const parsed = surveySchema.safeParse(json, { error: zodMessage });
  if (!parsed.success) throw new SurveyDefinitionError(source, flatten(parsed.error.issues));
  let model: Model;
  try {
    model = createSurveyModel(parsed.data);
  } catch (error) {
    throw new SurveyDefinitionError(source, [
      { path: [], message: `survey-core cannot load it: ${(error as Error).message}` },
    ]);
  }
  const problems = checkReferences(parsed.data, model);
  if (problems.length > 0) throw new SurveyDefinitionError(source, problems);
  return parsed.data;
}

import type { z } from 'zod';

import { surveySchema, type QuestionDefinition, type SurveyDefinition } from './definition-schema';
import { elementsOf, formatPath, isQuestion } from './elements';
import { hasScale, integerValues, ratingBounds, scaleOf, type JsonPath } from './scale';

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

export const SCORABLE_TYPES: ReadonlySet<string> = new Set(['radiogroup', 'rating', 'dropdown']);

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

function checkScale(question: QuestionDefinition, path: JsonPath, problems: DefinitionProblem[]): void {
  if (!hasScale(question)) return;
  const at = (suffix: JsonPath, message: string) => problems.push({ path: [...path, ...suffix], message });
  const scale = scaleOf(question);
  const seen = new Set<string | number>();
  for (const entry of scale.entries) {
    if (seen.has(entry.value)) at(entry.path, `duplicate value ${JSON.stringify(entry.value)}`);
    seen.add(entry.value);
  }
  if (question.type === 'rating' && !question.rateValues?.length) {
    const { min, max } = ratingBounds(question);
    if (min >= max) at(['rateMax'], `rateMax (${max}) must be greater than rateMin (${min})`);
  }
  if (question.type === 'checkbox' || (question.dimension === undefined && question.satisfiedFrom === undefined)) {
    return;
  }

  const reason = question.dimension !== undefined ? `scored in "${question.dimension}"` : 'it has satisfiedFrom';
  for (const { value, path: valuePath } of scale.entries) {
    if (typeof value !== 'number') at(valuePath, `expected a number (the question is ${reason})`);
    else if (!Number.isInteger(value)) at(valuePath, `expected an integer (the question is ${reason})`);
  }
  const values = integerValues(scale);
  if (values === null) return;
  if (values.length < 2) {
    at([question.type === 'rating' ? 'rateValues' : 'choices'], 'a scored question needs at least two values');
    return;
  }
  const from = question.satisfiedFrom;
  const min = values[0]!;
  const max = values[values.length - 1]!;
  if (from !== undefined && (!Number.isInteger(from) || from < min || from > max)) {
    at(['satisfiedFrom'], `${from} is not on the scale ${min}–${max}`);
  }
}

/** What the schema cannot see: names across the survey, dimension references, scales. */
function checkReferences(def: SurveyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const declared = new Set<string>();
  (def.dimensions ?? []).forEach((dimension, i) => {
    if (declared.has(dimension.name)) {
      problems.push({ path: ['dimensions', i, 'name'], message: `duplicate dimension "${dimension.name}"` });
    }
    declared.add(dimension.name);
  });
  const declaredList = declared.size > 0 ? `declared: ${[...declared].join(', ')}` : 'the survey declares no dimensions';

  const names = new Map<string, JsonPath>();
  for (const { element, path } of elementsOf(def)) {
    if (element.type === 'panel' || element.name === undefined) continue;
    const first = names.get(element.name);
    if (first) {
      problems.push({ path: [...path, 'name'], message: `duplicate name "${element.name}" (first at ${formatPath(first)})` });
    } else {
      names.set(element.name, path);
    }
    if (!isQuestion(element)) continue;

    const scorable = SCORABLE_TYPES.has(element.type);
    if (element.dimension !== undefined) {
      if (!scorable) {
        problems.push({ path: [...path, 'dimension'], message: `a ${element.type} question cannot be scored (only radiogroup, rating, dropdown)` });
      } else if (!declared.has(element.dimension)) {
        problems.push({ path: [...path, 'dimension'], message: `unknown dimension "${element.dimension}" (${declaredList})` });
      }
    }
    if (element.satisfiedFrom !== undefined && !scorable) {
      problems.push({ path: [...path, 'satisfiedFrom'], message: `a ${element.type} question cannot be scored (only radiogroup, rating, dropdown)` });
    }
    checkScale(element, path, problems);
  }
  return problems;
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
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) throw new SurveyDefinitionError(source, problems);
  return parsed.data;
}

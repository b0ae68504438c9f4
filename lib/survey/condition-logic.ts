import { ConditionRunner } from 'survey-core';

import type { ElementDefinition, SurveyDefinition } from './definition-schema';
import { elementsOf, formatPath, isQuestion } from './elements';
import type { JsonPath } from './scale';
import { isOtherChosen, otherTextIssue, requiredIssue, type SurveyLogic } from './survey-logic';
import type { AnswerIssue } from './types';

/**
 * SurveyLogic without a Model: SurveyJS's condition engine (the same parser and operators the
 * Model uses, about 1 µs a condition) evaluated over the JSON's page → panel → question tree.
 * A Model costs about 2 ms a call on the SIPAS survey, too slow for the ingest path.
 *
 * It models `visible`, `visibleIf` (pages, panels, questions), `isRequired`, `requiredIf` and the
 * text an "other" choice requires. Anything else that changes what SurveyJS accepts is listed by
 * `unmodelledFeatures`, and such a survey is served by the Model instead.
 */

/** Properties whose effect on validation only a Model reproduces. */
const ELEMENT_FEATURES = [
  'validators',
  'enableIf',
  'readOnly',
  'minSelectedChoices',
  'choicesVisibleIf',
  'choicesEnableIf',
  'hideIfChoicesEmpty',
  'defaultValue',
  'defaultValueExpression',
  'setValueIf',
  'setValueExpression',
  'resetValueIf',
  'maskType',
  'maskSettings',
  'isCommentRequired',
  // matrix: only `isRequired` (at least one row answered) is modelled here.
  'isAllRowRequired',
  'eachRowUnique',
  'eachRowRequired',
  'rowsVisibleIf',
  'columnsVisibleIf',
  'hideIfRowsEmpty',
];
const PANEL_FEATURES = ['isRequired', 'requiredIf'];
const SURVEY_FEATURES = ['calculatedValues', 'triggers'];
/** Question types whose required and visibility rules are all this engine needs. */
const FAST_TYPES = new Set([
  'radiogroup',
  'rating',
  'dropdown',
  'checkbox',
  'comment',
  'text',
  'boolean',
  'matrix',
  'html',
  'image',
  'panel',
]);
const ITEM_FEATURES = ['visibleIf', 'enableIf'];

function has(object: object, key: string): boolean {
  return (object as Record<string, unknown>)[key] !== undefined;
}

function elementFeatures(element: ElementDefinition, path: JsonPath): string[] {
  const found = [...ELEMENT_FEATURES, 'valueName']
    .filter((key) => has(element, key))
    .map((key) => formatPath([...path, key]));
  if (!FAST_TYPES.has(element.type)) found.push(formatPath([...path, 'type']));
  if (element.type === 'panel') {
    found.push(...PANEL_FEATURES.filter((key) => has(element, key)).map((key) => formatPath([...path, key])));
  }
  // SurveyJS checks e-mail, number and date inputs itself; computed values need the Model.
  if (element.type === 'text' && element.inputType !== undefined && element.inputType !== 'text') {
    found.push(formatPath([...path, 'inputType']));
  }
  for (const list of ['choices', 'rateValues', 'rows', 'columns']) {
    const items = (element as Record<string, unknown>)[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, i) => {
      if (typeof item !== 'object' || item === null) return;
      for (const key of ITEM_FEATURES) if (has(item, key)) found.push(formatPath([...path, list, i, key]));
    });
  }
  return found;
}

/** What in this survey the condition engine does not model (empty: it serves the survey). */
export function unmodelledFeatures(def: SurveyDefinition): string[] {
  const found = SURVEY_FEATURES.filter((key) => has(def, key));
  for (const { element, path } of elementsOf(def)) found.push(...elementFeatures(element, path));
  return found;
}

type Values = Readonly<Record<string, unknown>>;
/** A boolean property that `<property>If` overrides, as SurveyJS's runCondition does. */
type Flag = boolean | ConditionRunner;

function flag(fixed: boolean | undefined, condition: string | undefined, fallback: boolean): Flag {
  return condition ? new ConditionRunner(condition) : (fixed ?? fallback);
}

const evaluate = (value: Flag, values: Values): boolean =>
  typeof value === 'boolean' ? value : value.runValues(values as Record<string, unknown>);

interface QuestionLogic {
  name: string;
  /** The question, then each panel around it, then its page: visible only if all are. */
  visibility: Flag[];
  required: Flag;
  needsOtherText: boolean;
}

function compile(def: SurveyDefinition): QuestionLogic[] {
  const questions: QuestionLogic[] = [];
  type Container = { elements?: readonly ElementDefinition[]; questions?: readonly ElementDefinition[] };
  const visit = (container: Container, outer: Flag[]): void => {
    for (const element of [...(container.elements ?? []), ...(container.questions ?? [])]) {
      const visible = flag(element.visible, element.visibleIf, true);
      if (element.type === 'panel') visit(element, [visible, ...outer]);
      if (!isQuestion(element)) continue;
      questions.push({
        name: element.name,
        visibility: [visible, ...outer],
        required: flag(element.isRequired, element.requiredIf, false),
        needsOtherText:
          (element.type === 'radiogroup' || element.type === 'dropdown' || element.type === 'checkbox') &&
          (element.showOtherItem ?? element.hasOther) === true,
      });
    }
  };
  visit(def, []);
  for (const page of def.pages ?? []) visit(page, [flag(page.visible, page.visibleIf, true)]);
  return questions;
}

/** Throws if the survey uses what only a Model reproduces; see unmodelledFeatures. */
export function createConditionLogic(def: SurveyDefinition): SurveyLogic {
  const unmodelled = unmodelledFeatures(def);
  if (unmodelled.length > 0) throw new Error(`condition logic cannot serve this survey: ${unmodelled.join(', ')}`);
  const questions = compile(def);
  const visibleOnes = (values: Values) => questions.filter((q) => q.visibility.every((part) => evaluate(part, values)));

  return {
    engine: 'conditions',
    visibleQuestions: (values) => new Set(visibleOnes(values).map((q) => q.name)),
    surveyIssues(values) {
      const issues: AnswerIssue[] = [];
      for (const q of visibleOnes(values)) {
        if (values[q.name] === undefined && evaluate(q.required, values)) issues.push(requiredIssue(q.name));
        if (q.needsOtherText && isOtherChosen(values[q.name]) && values[`${q.name}-Comment`] === undefined) {
          issues.push(otherTextIssue(q.name));
        }
      }
      return issues;
    },
  };
}

import { Model, type QuestionSelectBase } from 'survey-core';
import { describe, expect, test } from 'vitest';

import { parseSurveyDefinition } from './definition';
import type { ChoiceQuestion, RatingQuestion } from './definition-schema';
import { integerValues, scaleOf } from './scale';

/**
 * scaleOf reads the answer values from the JSON alone; survey-core 3.0.0 is the reference for
 * what SurveyJS actually offers (its visibleChoices, "select all" aside).
 */
describe('scaleOf offers the values SurveyJS offers', () => {
  test.each<[string, Record<string, unknown>]>([
    ['rating, defaults', { type: 'rating' }],
    ['rating 0–10', { type: 'rating', rateMin: 0, rateMax: 10 }],
    ['rating, rateCount from rateMin', { type: 'rating', rateMin: 0, rateCount: 10 }],
    ['rating, rateCount from rateMax', { type: 'rating', rateMax: 10, rateCount: 3 }],
    ['rating, rateCount alone changes nothing', { type: 'rating', rateCount: 3 }],
    ['rating, fractional step', { type: 'rating', rateMin: 0, rateMax: 1, rateStep: 0.1 }],
    ['rating, listed values', { type: 'rating', rateValues: [1, { value: 3, text: 'x' }, 7] }],
    ['rating, listed values ignored by autoGenerate', { type: 'rating', autoGenerate: true, rateValues: [1, 3] }],
    ['rating, smileys stop at 10', { type: 'rating', rateType: 'smileys', rateMin: 1, rateMax: 15 }],
    ['rating, at most 20 values', { type: 'rating', rateMin: 1, rateMax: 100 }],
    ['radiogroup, 3 to 1', { type: 'radiogroup', choices: [{ value: 3 }, { value: 2 }, { value: 1 }] }],
    [
      'radiogroup, special items',
      {
        type: 'radiogroup',
        choices: [1, 2],
        showOtherItem: true,
        showNoneItem: true,
        showRefuseItem: true,
        showDontKnowItem: true,
      },
    ],
    ['radiogroup, legacy names', { type: 'radiogroup', choices: ['a'], hasOther: true, hasNone: true }],
    ['dropdown, generated numbers', { type: 'dropdown', choices: [0], choicesMin: 3, choicesMax: 9, choicesStep: 3 }],
    ['checkbox', { type: 'checkbox', choices: ['x', 'y'], showNoneItem: true, showSelectAllItem: true }],
  ])('%s', (_, question) => {
    const json = { pages: [{ elements: [{ name: 'q', ...question }] }] };
    const def = parseSurveyDefinition(json, 'test');
    const scale = scaleOf(def.pages![0]!.elements![0] as ChoiceQuestion | RatingQuestion);
    const ours = [...scale.entries.map((e) => e.value), ...scale.special];

    const q = new Model(json).getQuestionByName('q') as QuestionSelectBase;
    // "Select all" is a button, not a value that is stored.
    const theirs = q.visibleChoices.map((c) => c.value as unknown).filter((v) => v !== '');
    expect(new Set(ours)).toEqual(new Set(theirs));
    expect(ours).toHaveLength(theirs.length);
  });
});

describe('integerValues', () => {
  test.each<[string, (string | number)[], number[] | null]>([
    ['sorted and deduplicated', [3, 2, 1], [1, 2, 3]],
    ['a text value: not scorable', [1, 'x'], null],
    ['a fraction: not scorable', [0, 0.5, 1], null],
    ['no values', [], null],
  ])('%s', (_, values, expected) => {
    expect(integerValues({ entries: values.map((value) => ({ value, path: [] })), special: [] })).toEqual(expected);
  });
});

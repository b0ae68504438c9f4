import { describe, expect, test } from 'vitest';

import { parseSurveyDefinition } from './definition';
import {
  commentRatingOf,
  defaultSatisfiedFrom,
  extractScoring,
  localize,
  localizeScoring,
  outcomeQuestionOf,
  type LocalizedText,
} from './scoring';

const def = parseSurveyDefinition(
  {
    dimensions: [
      { name: 'access', title: { default: 'Tiếp cận', en: 'Access' } },
      { name: 'staff', title: 'Công chức' },
    ],
    pages: [
      {
        elements: [
          {
            type: 'radiogroup',
            name: 'seats',
            title: { default: 'Đủ chỗ ngồi', en: 'Enough seats' },
            dimension: 'access',
            choices: [5, 4, 3, 2, 1],
          },
          { type: 'rating', name: 'polite', dimension: 'staff', rateMax: 3, satisfiedFrom: 3 },
          { type: 'panel', elements: [{ type: 'dropdown', name: 'overall', choicesMin: 0, choicesMax: 10 }] },
          { type: 'radiogroup', name: 'na', dimension: 'access', choices: [1, 2, 3], showNoneItem: true },
          { type: 'radiogroup', name: 'sex', choices: ['male', 'female'] },
          { type: 'checkbox', name: 'reasons', choices: [1, 2] },
          { type: 'rating', name: 'half', rateMin: 0, rateMax: 1, rateStep: 0.5 },
          { type: 'comment', name: 'comment' },
        ],
      },
    ],
  },
  'test',
);

describe('extractScoring', () => {
  test('scores every single-choice question with integer values, with or without a dimension', () => {
    const scoring = extractScoring(def);
    expect(scoring.dimensions).toEqual([
      { name: 'access', title: { default: 'Tiếp cận', en: 'Access' } },
      { name: 'staff', title: 'Công chức' },
    ]);
    expect(scoring.questions).toEqual([
      {
        name: 'seats',
        title: { default: 'Đủ chỗ ngồi', en: 'Enough seats' },
        dimension: 'access',
        values: [1, 2, 3, 4, 5],
        min: 1,
        max: 5,
        satisfiedFrom: 4,
      },
      // No title: SurveyJS shows the name. rateMax 3 with the default rateMin 1.
      { name: 'polite', title: 'polite', dimension: 'staff', values: [1, 2, 3], min: 1, max: 3, satisfiedFrom: 3 },
      {
        name: 'overall',
        title: 'overall',
        dimension: null,
        values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        min: 0,
        max: 10,
        satisfiedFrom: 9,
      },
      // "none" is an answer but not a point on the scale.
      { name: 'na', title: 'na', dimension: 'access', values: [1, 2, 3], min: 1, max: 3, satisfiedFrom: 2 },
    ]);
  });

  test('titles in one locale, for the index engine and the API', () => {
    const en = localizeScoring(extractScoring(def), 'en');
    expect(en.dimensions.map((d) => d.title)).toEqual(['Access', 'Công chức']);
    expect(en.questions[0]).toMatchObject({ name: 'seats', title: 'Enough seats', satisfiedFrom: 4 });
  });
});

describe('outcomeQuestionOf', () => {
  const withOutcome = (elements: object[]) =>
    parseSurveyDefinition({ dimensions: [{ name: 'd', title: 'D' }], pages: [{ elements }] }, 'test');
  test.each([
    { name: 'none marked', elements: [{ type: 'rating', name: 'overall' }], expected: null },
    {
      name: 'a scored question outside the index',
      elements: [{ type: 'rating', name: 'overall', outcome: true }],
      expected: 'overall',
    },
    {
      name: 'a criterion cannot be the outcome',
      elements: [{ type: 'rating', name: 'c', dimension: 'd', outcome: true }],
      expected: null,
    },
    {
      name: 'a text question cannot be the outcome',
      elements: [{ type: 'comment', name: 'c', outcome: true }],
      expected: null,
    },
    {
      name: 'the first of two wins',
      elements: [
        { type: 'rating', name: 'a', outcome: true },
        { type: 'rating', name: 'b', outcome: true },
      ],
      expected: 'a',
    },
  ])('$name → $expected', ({ elements, expected }) => {
    expect(outcomeQuestionOf(withOutcome(elements))).toBe(expected);
  });
});

test.each([
  {
    name: 'the outcome first',
    elements: [
      { type: 'rating', name: 'c', dimension: 'd' },
      { type: 'rating', name: 'o', outcome: true },
    ],
    expected: 'o',
  },
  {
    name: 'else the first criterion',
    elements: [
      { type: 'rating', name: 'x' },
      { type: 'rating', name: 'c', dimension: 'd' },
    ],
    expected: 'c',
  },
  { name: 'else none', elements: [{ type: 'comment', name: 'comment' }], expected: undefined },
])('commentRatingOf: $name', ({ elements, expected }) => {
  const def = parseSurveyDefinition({ dimensions: [{ name: 'd', title: 'D' }], pages: [{ elements }] }, 'test');
  expect(commentRatingOf(def)?.name).toBe(expected);
});

describe('defaultSatisfiedFrom: the top two values', () => {
  test.each<[number[], number]>([
    [[1, 2, 3, 4, 5], 4],
    [[3, 2, 1], 2],
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9],
    [[1, 2, 3, 4, 5, 6, 7], 6],
    [[0, 1], 1],
    [[1, 3, 5, 10], 5],
  ])('%j → %i', (values, expected) => {
    expect(defaultSatisfiedFrom(values)).toBe(expected);
  });
});

describe('localize', () => {
  const both = { default: 'Hài lòng', en: 'Satisfied' };
  test.each<[LocalizedText, 'vi' | 'en', string]>([
    [both, 'vi', 'Hài lòng'],
    [both, 'en', 'Satisfied'],
    ['Hài lòng', 'en', 'Hài lòng'],
    [{ default: 'Hài lòng' }, 'en', 'Hài lòng'],
    [{ default: 'Hài lòng', en: '' }, 'en', 'Hài lòng'],
    [{ vi: 'Hài lòng', en: 'Satisfied' }, 'vi', 'Hài lòng'],
    [{ en: 'Satisfied' }, 'vi', 'Satisfied'],
    [{}, 'vi', ''],
  ])('%j in %s → %s', (text, locale, expected) => {
    expect(localize(text, locale)).toBe(expected);
  });
});

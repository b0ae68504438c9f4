import { describe, expect, test } from 'vitest';

import { parseSurveyDefinition, SurveyDefinitionError } from './definition';

/** A one-page survey around the given elements. */
const survey = (elements: unknown[], extra: Record<string, unknown> = {}) => ({
  dimensions: [{ name: 'service', title: { default: 'Dịch vụ', en: 'Service' } }],
  pages: [{ name: 'p1', elements }],
  ...extra,
});

const scale = [1, 2, 3].map((value) => ({ value, text: { default: `${value}`, en: `${value}` } }));

function errorOf(json: unknown): string {
  try {
    parseSurveyDefinition(json, 'surveys/broken.json');
  } catch (error) {
    expect(error).toBeInstanceOf(SurveyDefinitionError);
    return (error as Error).message;
  }
  throw new Error('expected the definition to be refused');
}

describe('parseSurveyDefinition accepts', () => {
  test.each<[string, unknown]>([
    [
      'names SurveyJS allows',
      survey([
        { type: 'text', name: 'Ông/Bà đến lần đầu?' },
        { type: 'comment', name: 'ý kiến - khác' },
      ]),
    ],
    ['pages listing questions', { pages: [{ name: 'trang 1', questions: [{ type: 'text', name: 'a' }] }] }],
    ['top-level elements', { elements: [{ type: 'rating', name: 'a' }] }],
    ['top-level questions', { questions: [{ type: 'boolean', name: 'a' }] }],
    ['valueName', survey([{ type: 'text', name: 'a', valueName: 'b' }])],
    [
      'choicesByUrl with listed choices',
      survey([{ type: 'dropdown', name: 'a', choicesByUrl: { url: 'https://example.org' }, choices: ['x'] }]),
    ],
  ])('%s', (_, json) => {
    expect(() => parseSurveyDefinition(json, 't')).not.toThrow();
  });

  test('a survey with every supported element type, nested panels and unknown SurveyJS properties', () => {
    const json = survey(
      [
        { type: 'radiogroup', name: 'a', dimension: 'service', satisfiedFrom: 2, choices: scale, colCount: 0 },
        { type: 'rating', name: 'b', rateMin: 0, rateMax: 10, rateType: 'labels' },
        { type: 'dropdown', name: 'c', choicesMin: 1, choicesMax: 3 },
        { type: 'checkbox', name: 'd', choices: ['x', 'y'], showOtherItem: true, maxSelectedChoices: 1 },
        { type: 'comment', name: 'e', maxLength: 500 },
        { type: 'text', name: 'f' },
        { type: 'boolean', name: 'g', valueTrue: 'yes', valueFalse: 'no' },
        { type: 'expression', name: 'h', expression: '{a} + 1' },
        { type: 'html', html: { default: '<p>Xin chào</p>' } },
        { type: 'panel', name: 'p', elements: [{ type: 'panel', elements: [{ type: 'text', name: 'i' }] }] },
      ],
      { widthMode: 'responsive', headerView: 'advanced' },
    );
    const def = parseSurveyDefinition(json, 'test');
    expect(def).toEqual(json);
  });

  test('choices given as plain values, and a survey without dimensions', () => {
    expect(() =>
      parseSurveyDefinition({ pages: [{ elements: [{ type: 'radiogroup', name: 'a', choices: [1, 2, 'x'] }] }] }, 't'),
    ).not.toThrow();
  });
});

describe('parseSurveyDefinition refuses, naming the source and the JSON path', () => {
  test.each<[string, unknown, string]>([
    ['not an object', [], 'surveys/broken.json: expected an object'],
    [
      'no pages',
      { title: 'x' },
      'surveys/broken.json: a survey needs at least one page (pages, or top-level elements)',
    ],
    ['empty pages', { pages: [] }, 'a survey needs at least one page'],
    [
      'an unsupported type',
      survey([{ type: 'spreadsheet', name: 'm' }]),
      'surveys/broken.json: pages[0].elements[0].type: unsupported question type "spreadsheet" (supported: radiogroup',
    ],
    [
      'a file upload',
      survey([{ type: 'file', name: 'photo' }]),
      'pages[0].elements[0].type: file questions are not supported: Hài Lòng stores no files',
    ],
    [
      'a signature',
      survey([{ type: 'signaturepad', name: 'sign' }]),
      'pages[0].elements[0].type: signaturepad questions are not supported',
    ],
    ['a missing type', survey([{ name: 'm' }]), 'pages[0].elements[0].type: missing "type"'],
    [
      'a missing name',
      survey([{ type: 'radiogroup', choices: [1, 2] }]),
      'pages[0].elements[0].name: expected a string',
    ],
    ['an empty name', survey([{ type: 'text', name: ' ' }]), 'pages[0].elements[0].name: must not be empty'],
    [
      'a reserved name',
      survey([{ type: 'text', name: 'constructor' }]),
      'pages[0].elements[0].name: is a reserved name',
    ],
    [
      'a duplicate name inside a panel',
      survey([
        { type: 'text', name: 'a' },
        { type: 'panel', elements: [{ type: 'comment', name: 'a' }] },
      ]),
      'pages[0].elements[1].elements[0].name: duplicate name "a" (first at pages[0].elements[0])',
    ],
    [
      'a text choice on a scored question',
      survey([{ type: 'radiogroup', name: 'a', dimension: 'service', choices: [...scale, { value: 'x' }] }]),
      'surveys/broken.json: pages[0].elements[0].choices[3]: expected a number',
    ],
    [
      'a fractional value on a scored question',
      survey([{ type: 'radiogroup', name: 'a', dimension: 'service', choices: [1, 2.5, 3] }]),
      'pages[0].elements[0].choices[1]: expected an integer',
    ],
    [
      'an undeclared dimension',
      survey([{ type: 'radiogroup', name: 'a', dimension: 'servce', choices: scale }]),
      'pages[0].elements[0].dimension: unknown dimension "servce" (declared: service)',
    ],
    [
      'a dimension on a comment',
      survey([{ type: 'comment', name: 'a', dimension: 'service' }]),
      'pages[0].elements[0].dimension: a comment question cannot be scored',
    ],
    [
      'satisfiedFrom off the scale',
      survey([{ type: 'radiogroup', name: 'a', dimension: 'service', satisfiedFrom: 4, choices: scale }]),
      'pages[0].elements[0].satisfiedFrom: 4 is not on the scale 1–3',
    ],
    [
      'satisfiedFrom off a rating scale',
      survey([{ type: 'rating', name: 'a', satisfiedFrom: 0 }]),
      'pages[0].elements[0].satisfiedFrom: 0 is not on the scale 1–5',
    ],
    [
      'a duplicate choice value',
      survey([{ type: 'radiogroup', name: 'a', choices: [1, 2, { value: 2 }] }]),
      'pages[0].elements[0].choices[2].value: duplicate value 2',
    ],
    [
      'a choice value of the wrong type',
      survey([{ type: 'radiogroup', name: 'a', choices: [1, { value: true }] }]),
      'pages[0].elements[0].choices[1].value: expected a string or a number',
    ],
    [
      'a title of the wrong type',
      survey([{ type: 'text', name: 'a', title: 3 }]),
      'title: expected a string or an object of strings',
    ],
    [
      'a choice of the wrong type',
      survey([{ type: 'radiogroup', name: 'a', choices: [null] }]),
      'choices[0]: expected a string, a number',
    ],
    [
      'a bad localized title',
      survey([{ type: 'text', name: 'a', title: { default: 1 } }]),
      'pages[0].elements[0].title.default: expected a string',
    ],
    [
      'choices loaded at run time without a listed fallback',
      survey([{ type: 'dropdown', name: 'a', choicesByUrl: { url: 'https://example.org' } }]),
      'pages[0].elements[0].choicesByUrl: choicesByUrl needs the choices listed too',
    ],
    [
      'an undeclared dimension on a matrix row',
      survey([
        {
          type: 'matrix',
          name: 'm',
          dimension: 'service',
          columns: [1, 2, 3],
          rows: [{ value: 'a', dimension: 'nope' }],
        },
      ]),
      'pages[0].elements[0].rows[0].dimension: unknown dimension "nope"',
    ],
    [
      'a scored matrix with text columns',
      survey([{ type: 'matrix', name: 'm', dimension: 'service', columns: ['lo', 'hi'], rows: ['a'] }]),
      'pages[0].elements[0].columns[0]: expected a number',
    ],
    [
      'a matrix row key that is also a question name',
      survey([
        { type: 'matrix', name: 'm', columns: [1, 2], rows: ['a'] },
        { type: 'text', name: 'm.a' },
      ]),
      'the matrix row key "m.a" is also a question\'s name',
    ],
    [
      'an inverted rating scale',
      survey([{ type: 'rating', name: 'a', rateMin: 5, rateMax: 1 }]),
      'rateMax (1) must be greater than rateMin (5)',
    ],
    [
      'a duplicate dimension',
      survey([], {
        dimensions: [
          { name: 'a', title: 'A' },
          { name: 'a', title: 'B' },
        ],
      }),
      'dimensions[1].name: duplicate dimension "a"',
    ],
    [
      'a broken element deep in panels',
      survey([
        {
          type: 'panel',
          elements: [{ type: 'panel', elements: [{ type: 'checkbox', name: 'x', maxSelectedChoices: -1 }] }],
        },
      ]),
      'pages[0].elements[0].elements[0].elements[0].maxSelectedChoices',
    ],
  ])('%s', (_, json, expected) => {
    expect(errorOf(json)).toContain(expected);
  });

  test('every problem is reported, one line each, each naming the source', () => {
    const message = errorOf(survey([{ type: 'matrix' }, { type: 'text', name: '' }, { type: 'comment', name: 3 }]));
    const lines = message.split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^surveys\/broken\.json: pages\[0\]\.elements\[\d\]\./);
  });

  test('the error carries the source and the problems for callers that format their own', () => {
    try {
      parseSurveyDefinition(survey([{ type: 'text', name: '' }]), 'import.json');
      expect.unreachable();
    } catch (error) {
      const e = error as SurveyDefinitionError;
      expect(e.source).toBe('import.json');
      expect(e.problems).toEqual([{ path: ['pages', 0, 'elements', 0, 'name'], message: expect.any(String) }]);
    }
  });
});

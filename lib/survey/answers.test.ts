import { describe, expect, test } from 'vitest';

import { createAnswerValidator } from './answers';
import { parseSurveyDefinition } from './definition';

const text = (vi: string, en: string) => ({ default: vi, en });

/** The per-dossier rating's shape (surveys/quick.json), plus a few more question types. */
const def = parseSurveyDefinition(
  {
    dimensions: [{ name: 'service', title: text('Dịch vụ', 'Service') }],
    pages: [
      {
        elements: [
          {
            type: 'radiogroup',
            name: 'satisfaction',
            isRequired: true,
            dimension: 'service',
            satisfiedFrom: 2,
            choices: [3, 2, 1].map((value) => ({ value, text: text(`${value}`, `${value}`) })),
          },
          {
            type: 'checkbox',
            name: 'reasons',
            visibleIf: '{satisfaction} = 1',
            choices: ['time', 'visits', 'fees'],
            maxSelectedChoices: 2,
          },
          { type: 'rating', name: 'speed', dimension: 'service' },
          { type: 'radiogroup', name: 'clarity', dimension: 'service', choices: [1, 2, 3, 4, 5], showNoneItem: true },
          { type: 'radiogroup', name: 'channel', choices: ['desk', 'phone'], showOtherItem: true, showNoneItem: true },
          { type: 'boolean', name: 'first_visit' },
          { type: 'boolean', name: 'again', valueTrue: 'yes', valueFalse: 'no' },
          { type: 'html', name: 'note', html: 'Cảm ơn' },
          { type: 'comment', name: 'comment', maxLength: 2000 },
          { type: 'text', name: 'short', maxLength: 5 },
        ],
      },
    ],
  },
  'fixture',
);

const validator = createAnswerValidator(def);
const codes = (answers: unknown) => {
  const result = validator.validate(answers);
  return result.ok ? 'ok' : result.issues.map((i) => `${i.code}${i.question ? `:${i.question}` : ''}`).join(' ');
};
const messages = (answers: unknown) => {
  const result = validator.validate(answers);
  return result.ok ? [] : result.issues.map((i) => i.message);
};

describe('validate refuses', () => {
  test.each<[string, unknown, string]>([
    ['an array', [], 'wrong_type'],
    ['null', null, 'wrong_type'],
    ['a string', 'x', 'wrong_type'],
    ['an unknown question', { satisfaction: 3, colour: 'red' }, 'unknown_question:colour'],
    ['an element without a value', { satisfaction: 3, note: 'x' }, 'unknown_question:note'],
    [
      'a "-Comment" of a question without one',
      { satisfaction: 3, 'comment-Comment': 'x' },
      'unknown_question:comment-Comment',
    ],
    ['__proto__', JSON.parse('{"satisfaction": 3, "__proto__": {"isAdmin": true}}'), 'unknown_question:__proto__'],
    ['constructor', { satisfaction: 3, constructor: 1 }, 'unknown_question:constructor'],
    ['prototype', { satisfaction: 3, prototype: 1 }, 'unknown_question:prototype'],
    ['a value off the scale', { satisfaction: 7 }, 'out_of_scale:satisfaction'],
    ['0 on a 1–5 rating', { satisfaction: 3, speed: 0 }, 'out_of_scale:speed'],
    ['a choice that is not offered', { satisfaction: 3, channel: 'mail' }, 'out_of_scale:channel'],
    ['"3" for 3', { satisfaction: '3' }, 'wrong_type:satisfaction'],
    ['3 for "3"', { satisfaction: 3, channel: 3 }, 'wrong_type:channel'],
    ['"4" on a scale with a "none" item', { satisfaction: 3, clarity: '4' }, 'wrong_type:clarity'],
    ['a fraction on an integer scale', { satisfaction: 2.5 }, 'wrong_type:satisfaction'],
    ['an array for a radiogroup', { satisfaction: [3] }, 'wrong_type:satisfaction'],
    ['an object for a radiogroup', { satisfaction: { value: 3 } }, 'wrong_type:satisfaction'],
    ['null for a radiogroup', { satisfaction: null }, 'wrong_type:satisfaction'],
    ['true for a radiogroup', { satisfaction: true }, 'wrong_type:satisfaction'],
    ['a string for a checkbox', { satisfaction: 1, reasons: 'time' }, 'wrong_type:reasons'],
    ['a duplicate checkbox choice', { satisfaction: 1, reasons: ['time', 'time'] }, 'wrong_type:reasons'],
    ['a checkbox choice not offered', { satisfaction: 1, reasons: ['time', 'weather'] }, 'out_of_scale:reasons'],
    [
      'more choices than maxSelectedChoices',
      { satisfaction: 1, reasons: ['time', 'visits', 'fees'] },
      'too_long:reasons',
    ],
    ['"true" for a boolean', { satisfaction: 3, first_visit: 'true' }, 'wrong_type:first_visit'],
    ['true for a boolean with its own values', { satisfaction: 3, again: true }, 'wrong_type:again'],
    ['a number for a comment', { satisfaction: 3, comment: 5 }, 'wrong_type:comment'],
    ['a comment over 2000 characters', { satisfaction: 3, comment: 'a'.repeat(2001) }, 'too_long:comment'],
    ['a text over its maxLength', { satisfaction: 3, short: '123456' }, 'too_long:short'],
    ['a missing required answer', { comment: 'Tốt' }, 'required_missing:satisfaction'],
    ['"other" without its text', { satisfaction: 3, channel: 'other' }, 'required_missing:channel'],
    ['an empty object', {}, 'no_answer'],
    ['only empty texts', { comment: '  ', short: '' }, 'no_answer'],
    ['only an empty selection', { reasons: [] }, 'no_answer'],
    ['only answers to hidden questions', { reasons: ['time'] }, 'no_answer'],
    [
      'every bad answer at once',
      { satisfaction: 9, comment: 1, x: 1 },
      'out_of_scale:satisfaction wrong_type:comment unknown_question:x',
    ],
  ])('%s', (_, answers, expected) => {
    expect(codes(answers)).toBe(expected);
  });

  test('more than 200 keys', () => {
    const answers = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`q${i}`, 1]));
    expect(codes(answers)).toBe('too_long');
  });

  test.each<[unknown, string]>([
    [{ satisfaction: 7 }, 'satisfaction: 7 is not on the scale 1–3'],
    [{ satisfaction: '3' }, 'satisfaction: expected a number, got the string "3"'],
    [
      { satisfaction: 3, channel: 'mail' },
      'channel: "mail" is not one of the choices ("desk", "phone", "none", "other")',
    ],
    [{ satisfaction: 3, comment: 'a'.repeat(2001) }, 'comment: 2001 characters, at most 2000'],
    [{ comment: 'x' }, 'satisfaction: an answer is required'],
    [{ satisfaction: 3, x: 1 }, 'x: not a question of this survey'],
  ])('messages name the question and the problem: %j', (answers, expected) => {
    expect(messages(answers)).toEqual([expected]);
  });
});

describe('validate accepts and normalizes', () => {
  test.each<[string, unknown, Record<string, unknown>, { question: string; value: number }[]]>([
    ['one answer', { satisfaction: 2 }, { satisfaction: 2 }, [{ question: 'satisfaction', value: 2 }]],
    [
      'survey order, trimmed NFC text, empty answers left out',
      // "Tốt" typed with combining marks (NFD), as some keyboards do.
      { comment: '  To\u0302\u0301t \n', short: ' ', speed: 5, satisfaction: 1, reasons: [] },
      { satisfaction: 1, speed: 5, comment: 'Tốt' },
      [
        { question: 'satisfaction', value: 1 },
        { question: 'speed', value: 5 },
      ],
    ],
    [
      "a hidden question's answer is dropped",
      { satisfaction: 3, reasons: ['time'] },
      { satisfaction: 3 },
      [{ question: 'satisfaction', value: 3 }],
    ],
    [
      'a visible one is kept',
      { satisfaction: 1, reasons: ['visits', 'time'] },
      { satisfaction: 1, reasons: ['visits', 'time'] },
      [{ question: 'satisfaction', value: 1 }],
    ],
    [
      '"other" with its text; "none" is an answer but not scored',
      { satisfaction: 3, channel: 'other', 'channel-Comment': ' Zalo ' },
      { satisfaction: 3, channel: 'other', 'channel-Comment': 'Zalo' },
      [{ question: 'satisfaction', value: 3 }],
    ],
    [
      '"none" on a scored question: kept, but not applicable, so not scored',
      { satisfaction: 3, clarity: 'none' },
      { satisfaction: 3, clarity: 'none' },
      [{ question: 'satisfaction', value: 3 }],
    ],
    [
      'an "other" text without "other" chosen is dropped',
      { satisfaction: 3, channel: 'desk', 'channel-Comment': 'Zalo' },
      { satisfaction: 3, channel: 'desk' },
      [{ question: 'satisfaction', value: 3 }],
    ],
    [
      'booleans',
      { satisfaction: 3, first_visit: false, again: 'no' },
      { satisfaction: 3, first_visit: false, again: 'no' },
      [{ question: 'satisfaction', value: 3 }],
    ],
    [
      'a comment of exactly 2000 characters',
      { satisfaction: 3, comment: 'ạ'.repeat(2000) },
      { satisfaction: 3, comment: 'ạ'.repeat(2000) },
      [{ question: 'satisfaction', value: 3 }],
    ],
  ])('%s', (_, answers, data, scored) => {
    expect(validator.validate(answers)).toEqual({ ok: true, data, scored });
  });

  test('the input is not modified', () => {
    const answers = { satisfaction: 3, reasons: ['time'], comment: ' x ' };
    const copy = structuredClone(answers);
    validator.validate(answers);
    expect(answers).toEqual(copy);
  });
});

describe('the verdict does not depend on questionsOnPageMode', () => {
  // survey-core's validate() in "questionPerPage" checks only the question on screen; the server
  // checks the complete response, as the renderer does page by page before it completes.
  const elements = [
    {
      type: 'checkbox',
      name: 'needs',
      isRequired: true,
      choices: ['a', 'b', 'c'],
      validators: [{ type: 'answercount', minCount: 2 }],
    },
    { type: 'matrix', name: 'grid', isAllRowRequired: true, columns: [1, 2], rows: ['r1', 'r2'] },
    { type: 'text', name: 'note' },
  ];
  const sets: Array<[unknown, boolean]> = [
    [{ needs: ['a', 'b'], grid: { r1: 1, r2: 2 } }, true],
    [{ grid: { r1: 1, r2: 2 } }, false],
    [{ needs: ['a'], grid: { r1: 1, r2: 2 } }, false],
    [{ needs: ['a', 'b'], grid: { r1: 1 } }, false],
  ];
  test.each(['standard', 'singlePage', 'questionPerPage', 'inputPerPage'])('%s', (mode) => {
    const validator = createAnswerValidator(
      parseSurveyDefinition({ questionsOnPageMode: mode, pages: [{ elements }] }, mode),
      { engine: 'model' },
    );
    for (const [answers, ok] of sets) expect(validator.validate(answers).ok, JSON.stringify(answers)).toBe(ok);
  });
});

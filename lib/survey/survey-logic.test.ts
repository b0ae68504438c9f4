import { describe, expect, test } from 'vitest';

import { createAnswerValidator } from './answers';
import { unmodelledFeatures } from './condition-logic';
import { parseSurveyDefinition, type SurveyDefinition } from './definition';

const parse = (json: unknown) => parseSurveyDefinition(json, 'fixture');
const onePage = (elements: unknown[], extra: Record<string, unknown> = {}) =>
  parse({ pages: [{ elements }], ...extra });

/** Conditions everywhere the condition engine looks: pages, panels, chains, requiredIf, "other". */
const branching = parse({
  pages: [
    {
      elements: [
        { type: 'radiogroup', name: 'rating', isRequired: true, choices: [1, 2, 3] },
        {
          type: 'checkbox',
          name: 'reasons',
          isRequired: true,
          visibleIf: '{rating} = 1',
          choices: ['time', 'fees'],
          showOtherItem: true,
        },
        { type: 'comment', name: 'fees_detail', visibleIf: "{reasons} contains 'fees'", requiredIf: '{rating} = 1' },
        { type: 'boolean', name: 'contact', visibleIf: '{fees_detail} notempty' },
        { type: 'text', name: 'hidden', visible: false },
        { type: 'radiogroup', name: 'shown_again', visible: false, visibleIf: '{rating} >= 2', choices: ['a', 'b'] },
      ],
    },
    {
      visibleIf: '{rating} < 3',
      elements: [
        {
          type: 'panel',
          visibleIf: "{channel} <> 'desk'",
          elements: [{ type: 'rating', name: 'staff', requiredIf: '{rating} = 2', showCommentArea: true }],
        },
        { type: 'dropdown', name: 'channel', choices: ['desk', 'phone'], showNoneItem: true },
      ],
    },
  ],
});

const quickLike = parse({
  pages: [
    {
      elements: [
        { type: 'radiogroup', name: 'satisfaction', isRequired: true, choices: [3, 2, 1] },
        {
          type: 'checkbox',
          name: 'reasons',
          isRequired: true,
          visibleIf: '{satisfaction} = 1',
          choices: ['time', 'fees'],
        },
        { type: 'comment', name: 'comment' },
      ],
    },
  ],
});

describe('which engine serves a survey', () => {
  test.each<[string, SurveyDefinition, 'conditions' | 'model', string[]]>([
    ['visibleIf, requiredIf, panels, "other"', branching, 'conditions', []],
    [
      'SurveyJS validators',
      onePage([{ type: 'text', name: 'code', validators: [{ type: 'regex', regex: '^\\d+$' }] }]),
      'model',
      ['pages[0].elements[0].validators'],
    ],
    [
      'an e-mail input',
      onePage([{ type: 'text', name: 'mail', inputType: 'email' }]),
      'model',
      ['pages[0].elements[0].inputType'],
    ],
    [
      'a computed value',
      onePage([{ type: 'expression', name: 'x', expression: '1' }]),
      'model',
      ['pages[0].elements[0].type'],
    ],
    [
      'a choice shown on a condition',
      onePage([{ type: 'radiogroup', name: 'a', choices: [1, { value: 2, visibleIf: '{x} = 1' }] }]),
      'model',
      ['pages[0].elements[0].choices[1].visibleIf'],
    ],
    [
      'triggers',
      parse({ pages: [{ elements: [{ type: 'text', name: 'a' }] }], triggers: [{ type: 'complete' }] }),
      'model',
      ['triggers'],
    ],
  ])('%s', (_, def, engine, features) => {
    expect(unmodelledFeatures(def)).toEqual(features);
    expect(createAnswerValidator(def).engine).toBe(engine);
  });

  test('the Model passes on the messages of SurveyJS validators', () => {
    const def = onePage([
      { type: 'text', name: 'code', validators: [{ type: 'regex', regex: '^\\d+$', text: 'digits only' }] },
    ]);
    expect(createAnswerValidator(def).validate({ code: 'abc' })).toEqual({
      ok: false,
      code: 'invalid_answers',
      message: 'code: digits only',
      issues: [{ question: 'code', code: 'invalid_answer', message: 'code: digits only' }],
    });
    expect(createAnswerValidator(def).validate({ code: '123' })).toMatchObject({ ok: true });
  });
});

describe.each(['auto', 'model'] as const)('one validator reused (engine %s)', (engine) => {
  const validator = createAnswerValidator(quickLike, { engine });
  const unhappy = { satisfaction: 1, reasons: ['time'] };
  const happy = { satisfaction: 3, comment: 'Tốt' };

  test('an answer of one call never counts for the next', () => {
    expect(validator.validate(unhappy)).toMatchObject({ ok: true });
    // Had `reasons` leaked from the call before, this would pass.
    expect(validator.validate({ satisfaction: 1 })).toMatchObject({
      ok: false,
      issues: [{ code: 'required_missing', question: 'reasons' }],
    });
    expect(validator.validate({ comment: 'x' })).toMatchObject({
      ok: false,
      issues: [{ code: 'required_missing', question: 'satisfaction' }],
    });
    expect(validator.validate(happy)).toEqual({
      ok: true,
      data: happy,
      scored: [{ question: 'satisfaction', value: 3 }],
    });
  });

  test('1000 alternating calls give the same answers every time', () => {
    const inputs = [unhappy, { satisfaction: 1 }, happy, { satisfaction: 3, reasons: ['fees'] }, {}];
    const first = inputs.map((answers) => validator.validate(answers));
    for (let i = 0; i < 1000; i++) {
      expect(validator.validate(inputs[i % inputs.length])).toEqual(first[i % inputs.length]);
    }
  }, 60_000); // builds SurveyJS models in a loop: slow on a loaded CI machine
});

/** Small deterministic PRNG (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CANDIDATES: Record<string, unknown[]> = {
  rating: [1, 2, 3],
  reasons: [['time'], ['fees'], ['time', 'fees'], ['other'], ['fees', 'other']],
  'reasons-Comment': ['Zalo', ' '],
  fees_detail: ['quá cao', ''],
  contact: [true, false],
  hidden: ['x'],
  shown_again: ['a', 'b'],
  staff: [1, 3, 5],
  'staff-Comment': ['ok'],
  channel: ['desk', 'phone', 'none'],
};

describe("the condition engine agrees with SurveyJS's Model", () => {
  test('on 400 random answer sets to a branching survey', () => {
    const fast = createAnswerValidator(branching);
    const model = createAnswerValidator(branching, { engine: 'model' });
    expect(fast.engine).toBe('conditions');
    const next = random(20260310);
    const keys = Object.keys(CANDIDATES);
    expect(keys.sort()).toEqual(Object.keys(CANDIDATES).sort());
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      const answers: Record<string, unknown> = {};
      for (const key of keys) {
        const options = CANDIDATES[key]!;
        if (next() < 0.5) answers[key] = options[Math.floor(next() * options.length)];
      }
      const expected = model.validate(answers);
      expect(fast.validate(answers), JSON.stringify(answers)).toEqual(expected);
      if (expected.ok) accepted++;
    }
    // Both outcomes are exercised.
    expect(accepted).toBeGreaterThan(40);
    expect(accepted).toBeLessThan(360);
  }, 60_000); // builds SurveyJS models in a loop: slow on a loaded CI machine
});

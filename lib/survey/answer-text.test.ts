import { expect, test } from 'vitest';

import { loadBundledSurveys } from '@/surveys';

import { describeAnswers } from './answer-text';

test('a quick response reads as titles and option texts, in survey order', () => {
  const quick = loadBundledSurveys().find((s) => s.slug === 'quick')!.definition;
  const lines = describeAnswers(quick, {
    comment: 'Chậm',
    satisfaction: 1,
    reasons: ['time', 'fees'],
    complaint: true,
  });
  expect(lines.map((l) => l.name)).toEqual(['satisfaction', 'reasons', 'comment', 'complaint']);
  expect(lines[0]).toMatchObject({
    title: 'Ông/Bà hài lòng với việc giải quyết hồ sơ ở mức nào?',
    text: 'Không hài lòng',
  });
  expect(lines[1]!.text).toContain(';');
  expect(lines[3]!.text).toBe('Có, đề nghị xem xét và trả lời');
  expect(describeAnswers(quick, { satisfaction: 3 }, 'en')[0]!.text).toBe('Very satisfied');
});

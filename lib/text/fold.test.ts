import { expect, test } from 'vitest';

import { FOLD_TRANSLATION, foldVietnamese } from './fold';

test.each([
  ['chờ', 'cho'],
  ['CHỜ', 'cho'],
  ['Chờ đợi lâu', 'cho doi lau'],
  ['ĐƯỜNG DÂY NÓNG', 'duong day nong'],
  ['Cán bộ hướng dẫn tận tình', 'can bo huong dan tan tinh'],
  ['Thủ tục rườm rà, phải đi lại nhiều lần', 'thu tuc ruom ra, phai di lai nhieu lan'],
  // Text that arrives decomposed (NFD) folds the same as precomposed (NFC).
  ['chờ'.normalize('NFD'), 'cho'],
  ['Quầy số 3 – 100 %', 'quay so 3 – 100 %'],
])('foldVietnamese(%j) = %j', (input, expected) => {
  expect(foldVietnamese(input)).toBe(expected);
});

/** What PostgreSQL does with the translation: translate, then lower. */
function translate(s: string): string {
  const map = new Map<string, string>();
  [...FOLD_TRANSLATION.from].forEach((c, i) => map.set(c, [...FOLD_TRANSLATION.to][i] ?? ''));
  return [...s].map((c) => (map.has(c) ? map.get(c)! : c)).join('').toLowerCase();
}

test('the SQL translation folds every Vietnamese letter as foldVietnamese does', () => {
  const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
  const all = letters + letters.toUpperCase();
  expect(translate(all)).toBe(foldVietnamese(all));
  expect(translate('CHỜ'.normalize('NFD'))).toBe('cho');
});

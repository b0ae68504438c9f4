import { describe, expect, test } from 'vitest';

import { FOLD_TRANSLATION, foldVietnamese, matchesFolded } from './fold';

describe('foldVietnamese', () => {
  test.each([
    ['Cấp giấy phép xây dựng', 'cap giay phep xay dung'],
    ['ĐỒNG NAI', 'dong nai'],
    ['đường', 'duong'],
    ['Quầy số 3 – Nhà ở', 'quay so 3 – nha o'],
    ['  nhiều   khoảng\ttrắng\n', 'nhieu khoang trang'],
    ['Thủ tục hành chính', 'thu tuc hanh chinh'],
    ['Hợp quy', 'hop quy'],
    ['giay phep', 'giay phep'],
    ['', ''],
    // Decomposed input (NFD, as some Mac keyboards send it) folds the same as composed.
    ['Ca\u0302\u0301p', 'cap'],
    ['1.013225', '1.013225'],
  ])('%j → %j', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });
});

describe('matchesFolded', () => {
  const text = foldVietnamese('Cấp giấy phép xây dựng mới đối với công trình cấp III');
  test.each([
    ['giay phep xay dung', true],
    ['Giấy Phép', true],
    ['xay dung giay phep', true], // word order does not matter
    ['', true],
    ['chung chi', false],
    ['giay phep nha o', false], // every word must occur
  ])('%j → %s', (query, expected) => {
    expect(matchesFolded(text, query)).toBe(expected);
  });
});

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
  return [...s]
    .map((c) => (map.has(c) ? map.get(c)! : c))
    .join('')
    .toLowerCase();
}

test('the SQL translation folds every Vietnamese letter as foldVietnamese does', () => {
  const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
  const all = letters + letters.toUpperCase();
  expect(translate(all)).toBe(foldVietnamese(all));
  expect(translate('CHỜ'.normalize('NFD'))).toBe('cho');
});

import { describe, expect, test } from 'vitest';

import { foldVietnamese, matchesFolded } from './fold';

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

import { describe, expect, test } from 'vitest';

import { byIndexDescending, wrapLabel } from './chart-text';

describe('wrapLabel', () => {
  test.each([
    ['short', 44, ['short']],
    ['', 44, ['']],
    // 'Công chức có thái độ' is 20 characters; adding ' lịch sự' would make 28 > 24.
    ['Công chức có thái độ lịch sự khi giao tiếp', 24, ['Công chức có thái độ', 'lịch sự khi giao tiếp']],
    ['a  b\tc', 3, ['a b', 'c']],
    // A word longer than the width is not cut.
    ['x supercalifragilistic y', 5, ['x', 'supercalifragilistic', 'y']],
  ])('%j at %i characters', (text, width, lines) => {
    expect(wrapLabel(text, width)).toEqual(lines);
  });

  test('the lines joined give the whole text back, none longer than the width unless one word is', () => {
    const sipas =
      'Thời hạn giải quyết hồ sơ được thông báo rõ ràng, cụ thể trên Phiếu tiếp nhận và hẹn trả kết quả hồ sơ';
    const lines = wrapLabel(sipas, 30);
    expect(lines.join(' ')).toBe(sipas);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(30);
  });
});

describe('byIndexDescending', () => {
  test('highest first, suppressed last in their order', () => {
    const rows = [
      { k: 'a', index: 70 },
      { k: 'b', index: null },
      { k: 'c', index: 90 },
      { k: 'd', index: null },
      { k: 'e', index: 80 },
    ];
    expect(byIndexDescending(rows).map((r) => r.k)).toEqual(['c', 'e', 'a', 'b', 'd']);
  });
});

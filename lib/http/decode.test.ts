import { describe, expect, test } from 'vitest';

import { safeDecode } from './decode';

describe('safeDecode', () => {
  test.each([
    ['TTHCC-Q01', 'TTHCC-Q01'],
    ['S%E1%BB%9F', 'Sở'],
    ['a%2Fb', 'a/b'],
    ['', ''],
    ['%E0%A4%A', null],
    ['%', null],
    ['%zz', null],
    ['%C0%80', null],
    ['%ED%A0%80', null],
  ])('%j → %j', (raw, decoded) => {
    expect(safeDecode(raw)).toBe(decoded);
  });
});

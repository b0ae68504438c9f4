import { describe, expect, test } from 'vitest';

import { cookieValue } from './cookies';

describe('cookieValue', () => {
  test.each([
    ['hl_session=abc', 'hl_session', 'abc'],
    ['a=1; hl_session=abc%20d; b=2', 'hl_session', 'abc d'],
    ['xhl_session=abc', 'hl_session', null],
    ['hl_session=%E0%A4%A', 'hl_session', null],
    ['', 'hl_session', null],
    [null, 'hl_session', null],
  ])('%j → %s: %j', (header, name, value) => {
    expect(cookieValue(header, name)).toBe(value);
  });
});

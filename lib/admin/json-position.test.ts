import { expect, test } from 'vitest';

import { jsonErrorOffset, lineColumnOf } from './json-position';

test.each([
  ['{"a": [1, 2.5e3, -0, true, false, null, "x\\u00e9\\n"]}', null],
  ['  []  ', null],
  ['{\n  "pages": [\n    oops\n  ]\n}', 19], // the "o" of oops
  ['{"a": 1,}', 8], // trailing comma: a key was expected
  ['{"a" 1}', 5],
  ['[1 2]', 3],
  ['{"a": "unterminated', 19],
  ['"bad \\x escape"', 6],
  ['', 0],
  ['{} extra', 3],
  ['01', 1],
])('%j → first error at %s', (text, offset) => {
  expect(jsonErrorOffset(text)).toBe(offset);
  // The scanner agrees with JSON.parse on validity.
  let valid = true;
  try {
    JSON.parse(text);
  } catch {
    valid = false;
  }
  expect(valid).toBe(offset === null);
});

test('lineColumnOf counts from 1', () => {
  expect(lineColumnOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  expect(lineColumnOf('ab', 0)).toEqual({ line: 1, column: 1 });
});

import { expect, test } from 'vitest';

import { jsonDepth } from './depth';

test.each([
  [1, 0],
  ['x', 0],
  [null, 0],
  [{}, 1],
  [[], 1],
  [{ a: [1, { b: 2 }] }, 3], // object → array → object
  [[[[[]]]], 4],
])('depth of %j is %i', (value, depth) => {
  expect(jsonDepth(value, 100)).toBe(depth);
});

test('stops early and never recurses on a hostile value', () => {
  let deep: unknown = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  expect(jsonDepth(deep, 32)).toBe(33);
});

import { expect, test } from 'vitest';

import { uuidv4 } from './uuid';

test('sets the version and variant bits on any input', () => {
  // 0xff everywhere: byte 6 becomes 0x4f, byte 8 becomes 0xbf.
  expect(uuidv4((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  expect(uuidv4((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
});

test('is a valid v4 UUID with the platform random source', () => {
  const ids = new Set(Array.from({ length: 1000 }, () => uuidv4()));
  expect(ids.size).toBe(1000);
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

import { expect, test } from 'vitest';

import { passwordSchema, usernameSchema } from './password-policy';

test.each([
  ['short', false],
  ['exactly-10', true],
  ['một câu mật khẩu dài có dấu', true],
  ['x'.repeat(201), false],
])('password %j valid: %s', (pw, ok) => expect(passwordSchema.safeParse(pw).success).toBe(ok));

test.each([
  ['Admin', 'admin'],
  ['  le.lan ', 'le.lan'],
])('username %j normalises to %j', (input, out) => expect(usernameSchema.parse(input)).toBe(out));

test.each(['ab', 'has space', 'nguyễn'])('username %j is refused', (u) =>
  expect(usernameSchema.safeParse(u).success).toBe(false),
);

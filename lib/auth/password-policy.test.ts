import { expect, test } from 'vitest';

import { afterFailure, LOCKOUT, passwordSchema, usernameSchema } from './password-policy';

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

test.each(['ab', 'has space', 'nguyễn'])('username %j is refused', (u) => expect(usernameSchema.safeParse(u).success).toBe(false));

test('the fifth failure locks the account for 15 minutes and resets the counter', () => {
  // failures 0..3 → counted; the 5th (from 4) locks.
  expect(afterFailure(0, 1000)).toEqual({ failures: 1, lockedUntil: null });
  expect(afterFailure(3, 1000)).toEqual({ failures: 4, lockedUntil: null });
  expect(afterFailure(4, 1000)).toEqual({ failures: 0, lockedUntil: 1000 + LOCKOUT.lockMs });
});

import { describe, expect, test } from 'vitest';

import { passwordResetSchema, removesLastAdmin, tokenCreateSchema, userCreateSchema, userUpdateSchema } from './users';

const good = {
  username: 'Lan.Nguyen',
  displayName: '',
  role: 'leader',
  unitId: '',
  password: 'mot cau dai de nho',
  confirm: 'mot cau dai de nho',
};

describe('userCreateSchema', () => {
  test('normalises the username, drops the confirmation and the unit of a non-manager', () => {
    expect(userCreateSchema.parse({ ...good, unitId: '3' })).toEqual({
      username: 'lan.nguyen',
      displayName: undefined,
      role: 'leader',
      unitId: null,
      password: 'mot cau dai de nho',
    });
  });
  test.each([
    [{ role: 'manager', unitId: '' }, 'unitId'],
    [{ role: 'superuser' }, 'role'],
    [{ password: 'short', confirm: 'short' }, 'password'],
    [{ confirm: 'something else' }, 'confirm'],
    [{ username: 'a b' }, 'username'],
  ])('%j fails on %s', (change, field) => {
    const r = userCreateSchema.safeParse({ ...good, ...change });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

test('userUpdateSchema keeps a manager’s unit', () => {
  expect(userUpdateSchema.parse({ id: '7', displayName: 'Minh', role: 'manager', unitId: '2' })).toEqual({
    id: 7,
    displayName: 'Minh',
    role: 'manager',
    unitId: 2,
  });
});

test('passwordResetSchema needs matching passwords of the policy length', () => {
  expect(passwordResetSchema.safeParse({ id: '1', password: 'x'.repeat(10), confirm: 'x'.repeat(10) }).success).toBe(
    true,
  );
  expect(passwordResetSchema.safeParse({ id: '1', password: 'x'.repeat(9), confirm: 'x'.repeat(9) }).success).toBe(
    false,
  );
  expect(passwordResetSchema.safeParse({ id: '1', password: 'x'.repeat(10), confirm: 'y'.repeat(10) }).success).toBe(
    false,
  );
});

test('tokenCreateSchema: a named token; a manager token needs a unit', () => {
  expect(tokenCreateSchema.parse({ name: ' Cổng DVC ', role: 'leader', unitId: '' })).toEqual({
    name: 'Cổng DVC',
    role: 'leader',
    unitId: null,
  });
  expect(tokenCreateSchema.safeParse({ name: '', role: 'leader', unitId: '' }).success).toBe(false);
  expect(tokenCreateSchema.safeParse({ name: 'x', role: 'manager', unitId: '' }).success).toBe(false);
});

describe('removesLastAdmin', () => {
  test.each([
    [[1], { id: 1, active: false }, true],
    [[1], { id: 1, role: 'leader' }, true],
    [[1], { id: 1, role: 'admin' }, false],
    [[1, 2], { id: 1, active: false }, false],
    [[1], { id: 2, active: false }, false], // not an admin
  ])('admins %j, change %j → %s', (admins, change, expected) => {
    expect(removesLastAdmin(admins, change)).toBe(expected);
  });
});

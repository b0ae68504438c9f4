import { expect, test } from 'vitest';

import { deviceCreateSchema, deviceRenameSchema } from './devices';

test('a device needs a desk; the PIN, when given, is 4–8 digits; an empty name or PIN means none', () => {
  expect(deviceCreateSchema.safeParse({ pointCode: 'TTHCC-Q01', name: '', pin: '' }).data).toEqual({
    pointCode: 'TTHCC-Q01',
  });
  expect(deviceCreateSchema.safeParse({ pointCode: 'TTHCC-Q01', pin: '2468' }).success).toBe(true);
  expect(deviceCreateSchema.safeParse({ pointCode: 'TTHCC-Q01', pin: '12a4' }).success).toBe(false);
  expect(deviceCreateSchema.safeParse({ pointCode: 'TTHCC-Q01', pin: '123' }).success).toBe(false);
  expect(deviceCreateSchema.safeParse({ pointCode: '' }).success).toBe(false);
  expect(deviceRenameSchema.safeParse({ id: '3', name: '  ' }).success).toBe(false);
});

import { describe, expect, test } from 'vitest';

import { pointProceduresSchema, procedureCreateSchema } from './procedures';

describe('procedureCreateSchema', () => {
  test.each([
    [{ code: ' 1.013225 ', name: ' Tên ' }, true],
    [{ code: '', name: 'Tên' }, false],
    [{ code: '1.1', name: 'x'.repeat(501) }, false],
    [{ code: '-1', name: 'Tên' }, false],
  ])('%j valid: %s', (input, ok) => {
    expect(procedureCreateSchema.safeParse(input).success).toBe(ok);
  });
});

describe('pointProceduresSchema', () => {
  test.each([
    ['1.013225,1.013226', ['1.013225', '1.013226']],
    [' 1.013225 ; 1.013226\n1.013225 ', ['1.013225', '1.013226']],
    ['', []],
  ])('%j → %j', (codes, expected) => {
    expect(pointProceduresSchema.parse({ point: 'Q1', codes }).codes).toEqual(expected);
  });
  test('refuses a malformed code', () => {
    expect(pointProceduresSchema.safeParse({ point: 'Q1', codes: '1.1,x!y' }).success).toBe(false);
  });
});

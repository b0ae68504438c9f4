import { z } from 'zod';
import { expect, test } from 'vitest';

import { checkbox, optionalText, parseForm, refillValues } from './form';

test('parseForm groups messages by field and refills the input without passwords', () => {
  const schema = z.object({ name: z.string().min(2, 'too short'), password: z.string().min(10, 'weak') });
  const r = parseForm(schema, { name: 'a', password: 'x', $ACTION_ID_1: '' });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.state).toMatchObject({
    status: 'error',
    fieldErrors: { name: ['too short'], password: ['weak'] },
    values: { name: 'a' },
  });
});

test('refillValues keeps text only', () => {
  expect(refillValues({ a: 'x', confirm: 'secret', n: 3 })).toEqual({ a: 'x' });
});

test('form helpers: empty optional text is undefined; a checkbox is on or absent', () => {
  expect(optionalText(5).parse('  ')).toBeUndefined();
  expect(optionalText(5).safeParse('123456').success).toBe(false);
  expect(checkbox.parse('on')).toBe(true);
  expect(checkbox.parse(undefined)).toBe(false);
});

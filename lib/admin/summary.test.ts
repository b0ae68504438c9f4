import { expect, test } from 'vitest';

import { summaryRecipientSchema } from './summary';

test.each([
  [
    { email: ' LanhDao@So.example ', unitId: '', monthly: 'on' },
    { email: 'lanhdao@so.example', unitId: null, monthly: true, quarterly: false },
  ],
  [
    { email: 'a@so.example', unitId: '3', quarterly: 'on' },
    { email: 'a@so.example', unitId: 3, monthly: false, quarterly: true },
  ],
])('accepts %j', (input, expected) => {
  expect(summaryRecipientSchema.parse(input)).toEqual(expected);
});

test.each([
  [{ email: 'not-an-address', monthly: 'on' }, 'email'],
  [{ email: 'a@so.example' }, 'monthly'],
])('refuses %j at %s', (input, path) => {
  const result = summaryRecipientSchema.safeParse(input);
  expect(result.success).toBe(false);
  expect(result.error!.issues[0]!.path).toEqual([path]);
});

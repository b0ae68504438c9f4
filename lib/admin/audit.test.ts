import { expect, test } from 'vitest';

import { auditFilterSchema, auditQuery, AUDIT_PAGE_SIZE } from './audit';

test('local dates become an inclusive millisecond range in Vietnam time; page 3 skips two pages', () => {
  const q = auditQuery(
    auditFilterSchema.parse({ actor: 'admin', action: 'unit', from: '2026-11-01', to: '2026-11-30', page: '3' }),
  );
  // 2026-11-01 00:00 at UTC+7 = 2026-10-31T17:00Z; the end is 2026-11-30 23:59:59.999 local.
  expect(q).toEqual({
    actor: 'admin',
    action: 'unit',
    from: Date.parse('2026-10-31T17:00:00Z'),
    to: Date.parse('2026-11-30T17:00:00Z') - 86_400_000 + 86_400_000 - 1,
    limit: AUDIT_PAGE_SIZE,
    offset: 2 * AUDIT_PAGE_SIZE,
  });
});

test('empty filters mean any; a bad page falls back to 1', () => {
  expect(auditQuery(auditFilterSchema.parse({ actor: '', action: '', from: '', to: '', page: 'x' }))).toEqual({
    actor: undefined,
    action: undefined,
    from: undefined,
    to: undefined,
    limit: AUDIT_PAGE_SIZE,
    offset: 0,
  });
});

test.each([
  [{ from: '2026-02-30' }, 'from'],
  [{ from: '2026-11-02', to: '2026-11-01' }, 'to'],
  [{ action: 'DROP TABLE' }, 'action'],
])('%j is refused on %s', (input, field) => {
  const r = auditFilterSchema.safeParse(input);
  expect(r.success).toBe(false);
  expect(r.error?.issues[0]?.path[0]).toBe(field);
});

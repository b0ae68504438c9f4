import { describe, expect, test } from 'vitest';

import { shiftBounds, shiftSchema } from './shift';

describe('shiftBounds', () => {
  test('a shift chosen at 16:30 local (09:30 UTC) ends at local midnight (17:00 UTC)', () => {
    const now = Date.parse('2026-12-03T09:30:00Z');
    expect(shiftBounds(now)).toEqual({ from: now, until: Date.parse('2026-12-03T17:00:00Z') });
  });
  test('one chosen at 00:30 local (17:30 UTC the day before) lasts that local day', () => {
    const now = Date.parse('2026-12-02T17:30:00Z');
    expect(shiftBounds(now).until).toBe(Date.parse('2026-12-03T17:00:00Z'));
  });
});

describe('shiftSchema', () => {
  test.each([
    [{ pin: '2468' }, true],
    [{ pin: '2468', officer: 3 }, true],
    [{ pin: '2468', officer: null }, true],
    [{ pin: '24', officer: 3 }, false],
    [{ pin: '2468', officer: '3' }, false],
    [{ pin: '2468', officer: 3, extra: 1 }, false],
  ])('%j valid: %s', (body, ok) => expect(shiftSchema.safeParse(body).success).toBe(ok));
});

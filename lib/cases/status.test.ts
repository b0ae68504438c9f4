import { describe, expect, test } from 'vitest';

import { checkTransition, closedOnTime, isOverdue } from './status';

describe('case status transitions', () => {
  test.each([
    ['new', 'in_progress', null, true],
    ['new', 'resolved', 'Đã liên hệ và giải quyết.', true],
    ['new', 'resolved', '   ', false],
    ['in_progress', 'dismissed', 'Không thuộc thẩm quyền.', true],
    ['in_progress', 'new', null, false],
    ['resolved', 'in_progress', null, true],
    ['resolved', 'dismissed', 'x', false],
  ] as const)('%s → %s (reply %j) allowed: %s', (from, to, reply, ok) => {
    expect(checkTransition(from, to, reply).ok).toBe(ok);
  });

  test('closing without a reply names the reply field', () => {
    expect(checkTransition('new', 'dismissed', '')).toMatchObject({ ok: false, field: 'publicReply' });
  });
});

test('overdue and on time', () => {
  expect(isOverdue({ status: 'new', dueAt: 100 }, 100)).toBe(true);
  expect(isOverdue({ status: 'new', dueAt: 100 }, 99)).toBe(false);
  expect(isOverdue({ status: 'resolved', dueAt: 100 }, 500)).toBe(false);
  expect(closedOnTime({ closedAt: 100, dueAt: 100 })).toBe(true);
  expect(closedOnTime({ closedAt: 101, dueAt: 100 })).toBe(false);
  expect(closedOnTime({ closedAt: null, dueAt: 100 })).toBe(false);
});

import { expect, test } from 'vitest';

import { formatAuditValue, formatLocalDateTime, formatLocalTime, pageInfo } from './format';

test('times show in Vietnam time', () => {
  // 2026-11-27T17:30Z + 7 h = 28/11/2026 00:30
  expect(formatLocalDateTime(Date.parse('2026-11-27T17:30:00Z'))).toBe('28/11/2026 00:30');
  expect(formatLocalDateTime(null)).toBe('—');
  expect(formatLocalTime(Date.parse('2026-11-27T17:30:05Z'))).toBe('00:30:05');
});

test('audit values read as key: value', () => {
  expect(formatAuditValue('{"name":"A","active":false}')).toBe('name: "A", active: false');
  expect(formatAuditValue(null)).toBe('');
  expect(formatAuditValue('not json')).toBe('not json');
});

test('pageInfo', () => {
  expect(pageInfo(0, 1, 25)).toEqual({ pages: 1, page: 1, hasPrev: false, hasNext: false });
  expect(pageInfo(51, 2, 25)).toEqual({ pages: 3, page: 2, hasPrev: true, hasNext: true });
});

import { describe, expect, test } from 'vitest';

import { can, canViewUnit, CAPABILITIES, homePath, type Principal, type Role } from './permissions';

const who = (role: Role, unitId: number | null = null): Principal => ({
  kind: 'user',
  id: 1,
  label: role,
  role,
  unitId,
});

describe('can', () => {
  // The authorization matrix: admin everything; leader and manager read; operator hotline only.
  test.each([
    [
      'admin',
      [
        'dashboard.view',
        'comments.view',
        'exports.download',
        'admin.manage',
        'hotline.enter',
        'cases.view',
        'cases.handle',
        'officers.view',
        'officers.export',
      ],
    ],
    ['leader', ['dashboard.view', 'comments.view', 'exports.download', 'cases.view', 'officers.view']],
    ['manager', ['dashboard.view', 'comments.view', 'exports.download', 'cases.view', 'cases.handle', 'officers.view']],
    ['operator', ['hotline.enter']],
    // An officer sees only their own figures (server/officer-scope.ts narrows it to themself).
    ['officer', ['officers.view']],
  ] as const)('%s may %j and nothing else', (role, allowed) => {
    for (const c of CAPABILITIES) expect(can(who(role), c)).toBe((allowed as readonly string[]).includes(c));
  });

  test('nobody logged in may do nothing', () => {
    for (const c of CAPABILITIES) expect(can(null, c)).toBe(false);
  });
});

describe('canViewUnit', () => {
  // Unit 3 is under unit 1; the manager of unit 3 has subtree {3, 7}.
  const subtree = new Set([3, 7]);
  test.each([
    ['admin', null, 5, true],
    ['leader', null, 5, true],
    ['manager', 3, 3, true],
    ['manager', 3, 7, true],
    ['manager', 3, 1, false], // the parent is outside a manager's subtree
    ['manager', 3, 5, false],
    ['operator', null, 3, false],
  ] as const)('%s (unit %s) viewing unit %i → %s', (role, unitId, target, expected) => {
    expect(canViewUnit(who(role, unitId), target, role === 'manager' ? subtree : new Set())).toBe(expected);
  });
});

test.each([
  ['admin', '/admin'],
  ['leader', '/dashboard'],
  ['manager', '/dashboard'],
  ['operator', '/operator'],
  ['officer', '/dashboard/officers'],
] as const)('%s lands on %s', (role, path) => expect(homePath(role)).toBe(path));

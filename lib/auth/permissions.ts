// Who may do what. Pure: callers pass the principal and, for unit checks, the set of
// unit ids the principal's scope covers (read from the unit tree by db/queries/units.ts).

// `officer`: a staff member who signs in only to see their own ratings (OFFICER_RATINGS); their
// unit is that of the officer record linked to them.
export const ROLES = ['admin', 'leader', 'manager', 'operator', 'officer'] as const;
export type Role = (typeof ROLES)[number];

export type Principal = {
  kind: 'user' | 'token';
  id: number;
  label: string;
  role: Role;
  /** A manager's unit (their scope is its subtree); null for the other roles. */
  unitId: number | null;
};

export const CAPABILITIES = [
  'dashboard.view', // indices, charts, rankings
  'comments.view',
  'exports.download',
  'admin.manage', // units, desks, procedures, surveys, devices, users, tokens, audit log
  'hotline.enter',
  'cases.view', // the case queue and its details (read-only for leaders)
  'cases.handle', // assign, note, change status, reply
  'officers.view', // figures of officers: all (admin, leader), a unit's subtree (manager), oneself (officer)
  'officers.export', // exports of officer figures: apart from exports.download, personal data
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const GRANTS: Record<Role, readonly Capability[]> = {
  admin: CAPABILITIES,
  leader: ['dashboard.view', 'comments.view', 'exports.download', 'cases.view', 'officers.view'],
  manager: ['dashboard.view', 'comments.view', 'exports.download', 'cases.view', 'cases.handle', 'officers.view'],
  operator: ['hotline.enter'],
  officer: ['officers.view'],
};

export function can(principal: Principal | null, capability: Capability): boolean {
  return principal !== null && GRANTS[principal.role].includes(capability);
}

/** Admins and leaders see every unit; a manager only their subtree; an operator none. */
export function seesAllUnits(principal: Principal): boolean {
  return principal.role === 'admin' || principal.role === 'leader';
}

export function canViewUnit(principal: Principal | null, unitId: number, managerSubtree: ReadonlySet<number>): boolean {
  if (!principal || !can(principal, 'dashboard.view')) return false;
  return seesAllUnits(principal) || managerSubtree.has(unitId);
}

/** Where a role lands after login. */
export function homePath(role: Role): string {
  if (role === 'officer') return '/dashboard/officers';
  return role === 'operator' ? '/operator' : role === 'admin' ? '/admin' : '/dashboard';
}

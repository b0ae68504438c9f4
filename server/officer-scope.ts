// Who may see which officers' figures. Officers are people: with OFFICER_RATINGS off nobody sees
// any; an officer sees only themself, a unit's manager the officers of their subtree, leaders and
// admins every officer, anyone else (anonymous, operators, the public pages) nobody.
import type { Db } from '@/db';
import { appendAudit } from '@/db/queries/audit';
import { findOfficerByUser, type OfficerRow } from '@/db/queries/officers';
import { can, seesAllUnits, type Principal } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';
import { forbidden } from '@/lib/http/errors';

import { actorOf } from './admin/actor';
import { unitScope } from './guard';

export type OfficerScope =
  | { kind: 'none' }
  | { kind: 'all' }
  | { kind: 'units'; unitIds: ReadonlySet<number> }
  | { kind: 'self'; officer: OfficerRow };

export function officersEnabled(): boolean {
  return getConfig().OFFICER_RATINGS;
}

export async function officerScope(db: Db, principal: Principal | null): Promise<OfficerScope> {
  if (!officersEnabled() || !principal || !can(principal, 'officers.view')) return { kind: 'none' };
  if (seesAllUnits(principal)) return { kind: 'all' };
  if (principal.role === 'officer') {
    const officer = principal.kind === 'user' ? await findOfficerByUser(db, principal.id) : null;
    return officer && officer.active ? { kind: 'self', officer } : { kind: 'none' };
  }
  const units = await unitScope(principal);
  return units === null ? { kind: 'all' } : { kind: 'units', unitIds: units };
}

export function scopeAllows(scope: OfficerScope, officer: Pick<OfficerRow, 'id' | 'unitId'>): boolean {
  switch (scope.kind) {
    case 'none':
      return false;
    case 'all':
      return true;
    case 'units':
      return scope.unitIds.has(officer.unitId);
    case 'self':
      return scope.officer.id === officer.id;
  }
}

/**
 * The principal a view is resolved for. An officer has no unit scope of their own (their login
 * carries no unit); their view is resolved as their unit's, and scopeAllows then narrows what
 * is shown to themself alone.
 */
export function viewPrincipal(principal: Principal, scope: OfficerScope): Principal {
  return scope.kind === 'self' ? { ...principal, role: 'manager', unitId: scope.officer.unitId } : principal;
}

/**
 * Every view of officer figures is in the audit log: who saw which officers, over which view. A
 * download (app/api/exports/officers/route.ts) is recorded the same way as `officer.export`.
 */
export async function auditOfficerView(
  db: Db,
  principal: Principal,
  what: { route: string; officerIds: readonly number[]; survey: string; from: string; to: string },
  action: 'officer.view' | 'officer.export' = 'officer.view',
): Promise<void> {
  const actor = await actorOf(db, principal);
  await appendAudit(db, {
    by: actor,
    action,
    entity: 'officer',
    entityId: what.officerIds.length === 1 ? what.officerIds[0] : undefined,
    after: { route: what.route, officers: what.officerIds, survey: what.survey, from: what.from, to: what.to },
  });
}

/**
 * For a view route answering officer figures: the principal to resolve the view for, or the 403
 * of a caller who may see no officer (an officer login not linked to an active officer record).
 */
export async function officerViewAs(db: Db, principal: Principal): Promise<Principal | Response> {
  const scope = await officerScope(db, principal);
  if (scope.kind === 'none') return forbidden('forbidden', 'You may not see the figures of any officer.');
  return viewPrincipal(principal, scope);
}

import type { Db } from '@/db';
import { findCase } from '@/db/queries/cases';
import { can, type Principal } from '@/lib/auth/permissions';

import { unitScope } from './guard';

type FoundCase = NonNullable<Awaited<ReturnType<typeof findCase>>>;
type Contact = NonNullable<FoundCase['contact']>;

/** A call-back contact as a principal may see it: the value for a handler, only its existence otherwise. */
export type ContactView = ({ shown: true } & Contact) | { shown: false } | null;

export type CaseView = Omit<FoundCase, 'contact'> & { contact: ContactView };

/**
 * One case as `principal` may see it, or null when they may not see it at all (another unit's
 * case for a manager: no hint that the code is real). A contact was given for a call back by the
 * case's handlers (the unit's managers, subtree included, and admins); a leader reads the case
 * and learns that a contact exists, never its value (Decree 13/2023 purpose limitation).
 */
export async function caseForPrincipal(db: Db, principal: Principal, code: string): Promise<CaseView | null> {
  if (!can(principal, 'cases.view')) return null;
  const found = await findCase(db, code);
  if (!found) return null;
  const scope = await unitScope(principal);
  if (scope && !scope.has(found.unitId)) return null;
  const { contact, ...rest } = found;
  const view: ContactView =
    contact === null ? null : can(principal, 'cases.handle') ? { shown: true, ...contact } : { shown: false };
  return { ...rest, contact: view };
}

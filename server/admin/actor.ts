import type { Db } from '@/db';
import type { AuditActor } from '@/db/queries/audit';
import { findUserById } from '@/db/queries/users';
import { fieldError } from '@/lib/admin/form';
import type { Principal } from '@/lib/auth/permissions';
import type { Failure } from '@/lib/result';

/**
 * The audit log's "who": a user by username (as their login entries name them, so one filter
 * finds both), or a token by its label.
 */
export async function actorOf(db: Db, p: Principal): Promise<AuditActor> {
  if (p.kind !== 'user') return { userId: null, label: p.label };
  return { userId: p.id, label: (await findUserById(db, p.id))?.username ?? p.label };
}

/** A refused change as the admin form shows it: its message next to its field (or the form's). */
export function refused(result: Failure, input: Record<string, unknown>) {
  return fieldError(result.field ?? 'form', result.message, input);
}

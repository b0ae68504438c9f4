import { and, asc, eq } from 'drizzle-orm';

import { removesLastAdmin } from '@/lib/admin/users';
import type { Role } from '@/lib/auth/permissions';

import type { Db, Queryable } from '../index';
import { appendAudit, type AuditActor } from './audit';
import { revokeUserSessions } from './sessions';
import { pick } from './units';
import { units, users, type User } from '../schema';

export function findUserByUsername(db: Db, { username }: { username: string }): User | null {
  return db.select().from(users).where(eq(users.username, username)).get() ?? null;
}

/** The whole row, password hash included: for checking a password, never for display. */
export function findUserCredentials(db: Db, { userId }: { userId: number }): User | null {
  return db.select().from(users).where(eq(users.id, userId)).get() ?? null;
}

export function setPassword(db: Queryable, { userId, passwordHash, now }: { userId: number; passwordHash: string; now: number }): void {
  db.update(users).set({ passwordHash, passwordChangedAt: now, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId)).run();
}

export function findUnitIdByCode(db: Db, { code }: { code: string }): number | null {
  return db.select({ id: units.id }).from(units).where(eq(units.code, code)).get()?.id ?? null;
}

/** Creates a user (and its audit entry) in one transaction; the password arrives already hashed. */
export function createUser(
  db: Db,
  input: { username: string; role: Role; unitId: number | null; passwordHash: string; displayName?: string },
  actor: { userId: number | null; label: string },
): User {
  if (input.role === 'manager' && input.unitId === null) throw new Error('a manager needs a unit');
  return db.transaction((tx) => {
    const user = tx
      .insert(users)
      .values({
        username: input.username,
        role: input.role,
        unitId: input.role === 'manager' ? input.unitId : null,
        passwordHash: input.passwordHash,
        displayName: input.displayName ?? null,
      })
      .returning()
      .get();
    appendAudit(tx, {
      actorUserId: actor.userId,
      actor: actor.label,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      after: { username: user.username, role: user.role, unitId: user.unitId },
    });
    return user;
  });
}

export function recordLoginOutcome(
  db: Queryable,
  { userId, failedLogins, lockedUntil }: { userId: number; failedLogins: number; lockedUntil: number | null },
): void {
  db.update(users).set({ failedLogins, lockedUntil }).where(eq(users.id, userId)).run();
}

export type UserRow = Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'unitId' | 'active' | 'lockedUntil' | 'passwordChangedAt' | 'createdAt'>;

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  active: users.active,
  lockedUntil: users.lockedUntil,
  passwordChangedAt: users.passwordChangedAt,
  createdAt: users.createdAt,
};

export function listUsers(db: Queryable): UserRow[] {
  return db.select(userColumns).from(users).orderBy(asc(users.username)).all();
}

export function findUserById(db: Queryable, id: number): UserRow | null {
  return db.select(userColumns).from(users).where(eq(users.id, id)).get() ?? null;
}

export function activeAdminIds(db: Queryable): number[] {
  return db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true))).all().map((r) => r.id);
}

export type UserChange = { ok: true; user: UserRow } | { ok: false; field: string; reason: 'not_found' | 'duplicate' | 'unit_missing' | 'last_admin' };

/**
 * Changes a user's name, role and unit, or enables/disables them. Disabling logs them out
 * everywhere at once. Refuses to leave the system without an active admin.
 */
export function updateUser(
  db: Db,
  { id, ...change }: { id: number; displayName?: string | null; role?: Role; unitId?: number | null; active?: boolean },
  actor: AuditActor,
  now = Date.now(),
): UserChange {
  return db.transaction((tx) => {
    const before = findUserById(tx, id);
    if (!before) return { ok: false, field: 'id', reason: 'not_found' };
    if (change.unitId !== undefined && change.unitId !== null && !tx.select({ id: units.id }).from(units).where(eq(units.id, change.unitId)).get()) {
      return { ok: false, field: 'unitId', reason: 'unit_missing' };
    }
    if (removesLastAdmin(activeAdminIds(tx), { id, role: change.role, active: change.active })) {
      return { ok: false, field: change.active === false ? 'id' : 'role', reason: 'last_admin' };
    }
    const user = tx.update(users).set(change).where(eq(users.id, id)).returning(userColumns).get();
    if (change.active === false) revokeUserSessions(tx, { userId: id, now });
    const action = change.active === undefined ? 'user.update' : change.active ? 'user.enable' : 'user.disable';
    appendAudit(tx, { actorUserId: actor.userId, actor: actor.label, action, entity: 'user', entityId: id, before: pick(before, change), after: pick(user, change) }, now);
    return { ok: true, user };
  });
}

/** Sets a new password (already hashed), clears a lockout and ends every session of the user. */
export function resetUserPassword(db: Db, { id, passwordHash }: { id: number; passwordHash: string }, actor: AuditActor, now = Date.now()): UserChange {
  return db.transaction((tx) => {
    const before = findUserById(tx, id);
    if (!before) return { ok: false, field: 'id', reason: 'not_found' };
    const user = tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, id))
      .returning(userColumns)
      .get();
    revokeUserSessions(tx, { userId: id, now });
    // Never the hash itself in the log: only that it changed and when.
    appendAudit(tx, { actorUserId: actor.userId, actor: actor.label, action: 'user.password_reset', entity: 'user', entityId: id, before: { passwordChangedAt: before.passwordChangedAt }, after: { passwordChangedAt: now } }, now);
    return { ok: true, user };
  });
}

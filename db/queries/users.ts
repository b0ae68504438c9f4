import { and, asc, eq } from 'drizzle-orm';

import { removesLastAdmin } from '@/lib/admin/users';
import type { Role } from '@/lib/auth/permissions';

import { first, withTransaction, type Queryable } from '../index';
import { appendAudit, type AuditActor } from './audit';
import { revokeUserSessions } from './sessions';
import { pick } from './units';
import { units, users, type User } from '../schema';
import { refuse, type Failure } from '@/lib/result';

export async function findUserByUsername(db: Queryable, { username }: { username: string }): Promise<User | null> {
  return first(await db.select().from(users).where(eq(users.username, username)));
}

/** The whole row, password hash included: for checking a password, never for display. */
export async function findUserCredentials(db: Queryable, { userId }: { userId: number }): Promise<User | null> {
  return first(await db.select().from(users).where(eq(users.id, userId)));
}

export async function setPassword(
  db: Queryable,
  { userId, passwordHash, now }: { userId: number; passwordHash: string; now: number },
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, userId));
}

export async function findUnitIdByCode(db: Queryable, { code }: { code: string }): Promise<number | null> {
  return first(await db.select({ id: units.id }).from(units).where(eq(units.code, code)))?.id ?? null;
}

/** Creates a user (and its audit entry) in one transaction; the password arrives already hashed. */
export async function createUser(
  db: Queryable,
  input: { username: string; role: Role; unitId: number | null; passwordHash: string; displayName?: string },
  actor: { userId: number | null; label: string },
): Promise<User> {
  if (input.role === 'manager' && input.unitId === null) throw new Error('a manager needs a unit');
  return withTransaction(db, async (tx) => {
    const user = first(
      await tx
        .insert(users)
        .values({
          username: input.username,
          role: input.role,
          unitId: input.role === 'manager' ? input.unitId : null,
          passwordHash: input.passwordHash,
          displayName: input.displayName ?? null,
        })
        .returning(),
    )!;
    await appendAudit(tx, {
      by: actor,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      after: { username: user.username, role: user.role, unitId: user.unitId },
    });
    return user;
  });
}

export async function recordLoginOutcome(
  db: Queryable,
  { userId, failedLogins, lockedUntil }: { userId: number; failedLogins: number; lockedUntil: number | null },
): Promise<void> {
  await db.update(users).set({ failedLogins, lockedUntil }).where(eq(users.id, userId));
}

export type UserRow = Pick<
  User,
  'id' | 'username' | 'displayName' | 'role' | 'unitId' | 'active' | 'lockedUntil' | 'passwordChangedAt' | 'createdAt'
>;

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

export async function listUsers(db: Queryable): Promise<UserRow[]> {
  return db.select(userColumns).from(users).orderBy(asc(users.username));
}

export async function findUserById(db: Queryable, id: number): Promise<UserRow | null> {
  return first(await db.select(userColumns).from(users).where(eq(users.id, id)));
}

export async function activeAdminIds(db: Queryable): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  return rows.map((r) => r.id);
}

export type UserChange =
  { ok: true; user: UserRow } | Failure<'not_found' | 'duplicate' | 'unit_missing' | 'last_admin'>;

/**
 * Changes a user's name, role and unit, or enables/disables them. Disabling logs them out
 * everywhere at once. Refuses to leave the system without an active admin.
 */
export async function updateUser(
  db: Queryable,
  { id, ...change }: { id: number; displayName?: string | null; role?: Role; unitId?: number | null; active?: boolean },
  actor: AuditActor,
  now = Date.now(),
): Promise<UserChange> {
  return withTransaction(db, async (tx): Promise<UserChange> => {
    const before = await findUserById(tx, id);
    if (!before) return refuse('not_found', 'id');
    if (
      change.unitId !== undefined &&
      change.unitId !== null &&
      !first(await tx.select({ id: units.id }).from(units).where(eq(units.id, change.unitId)))
    ) {
      return refuse('unit_missing', 'unitId');
    }
    if (removesLastAdmin(await activeAdminIds(tx), { id, role: change.role, active: change.active })) {
      return refuse('last_admin', change.active === false ? 'id' : 'role');
    }
    const user = first(await tx.update(users).set(change).where(eq(users.id, id)).returning(userColumns))!;
    if (change.active === false) await revokeUserSessions(tx, { userId: id, now });
    const action = change.active === undefined ? 'user.update' : change.active ? 'user.enable' : 'user.disable';
    await appendAudit(
      tx,
      {
        by: actor,
        action,
        entity: 'user',
        entityId: id,
        before: pick(before, change),
        after: pick(user, change),
      },
      now,
    );
    return { ok: true, user };
  });
}

/** Sets a new password (already hashed), clears a lockout and ends every session of the user. */
export async function resetUserPassword(
  db: Queryable,
  { id, passwordHash }: { id: number; passwordHash: string },
  actor: AuditActor,
  now = Date.now(),
): Promise<UserChange> {
  return withTransaction(db, async (tx): Promise<UserChange> => {
    const before = await findUserById(tx, id);
    if (!before) return refuse('not_found', 'id');
    const user = first(
      await tx
        .update(users)
        .set({ passwordHash, passwordChangedAt: now, failedLogins: 0, lockedUntil: null })
        .where(eq(users.id, id))
        .returning(userColumns),
    )!;
    await revokeUserSessions(tx, { userId: id, now });
    // Never the hash itself in the log: only that it changed and when.
    await appendAudit(
      tx,
      {
        by: actor,
        action: 'user.password_reset',
        entity: 'user',
        entityId: id,
        before: { passwordChangedAt: before.passwordChangedAt },
        after: { passwordChangedAt: now },
      },
      now,
    );
    return { ok: true, user };
  });
}

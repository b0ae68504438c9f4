import { eq } from 'drizzle-orm';

import type { Role } from '@/lib/auth/permissions';

import type { Db, Queryable } from '../index';
import { appendAudit } from './audit';
import { units, users, type User } from '../schema';

export function findUserByUsername(db: Db, { username }: { username: string }): User | null {
  return db.select().from(users).where(eq(users.username, username)).get() ?? null;
}

export function findUserById(db: Db, { userId }: { userId: number }): User | null {
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

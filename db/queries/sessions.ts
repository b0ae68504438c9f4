import { and, eq, gt, isNull } from 'drizzle-orm';

import { first, type Queryable } from '../index';
import { sessions, users } from '../schema';

export const SESSION_TTL_MS = 12 * 60 * 60_000;

export async function createSession(
  db: Queryable,
  { tokenHash, userId, now }: { tokenHash: string; userId: number; now: number },
): Promise<void> {
  await db
    .insert(sessions)
    .values({ tokenHash, userId, createdAt: now, lastSeenAt: now, expiresAt: now + SESSION_TTL_MS });
}

/** The live session's user: not expired, not revoked, the user still active. Slides the expiry. */
export async function findSessionUser(db: Queryable, { tokenHash, now }: { tokenHash: string; now: number }) {
  const row = first(
    await db
      .select({ user: users, lastSeenAt: sessions.lastSeenAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          eq(users.active, true),
        ),
      ),
  );
  if (!row) return null;
  // Written at most once a minute: a dashboard firing ten requests should not mean ten writes.
  if (now - row.lastSeenAt > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: now + SESSION_TTL_MS })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return row.user;
}

export async function revokeSession(
  db: Queryable,
  { tokenHash, now }: { tokenHash: string; now: number },
): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

/** Logs a user out everywhere: on a password change, when disabled, or by an admin. */
export async function revokeUserSessions(
  db: Queryable,
  { userId, now }: { userId: number; now: number },
): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

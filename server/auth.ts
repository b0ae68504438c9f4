import { afterFailure } from '@/lib/auth/password-policy';
import type { Principal } from '@/lib/auth/permissions';
import { hashPassword, hashToken, newSecretToken, timingDummyHash, verifyPassword } from '@/server/secrets';

import { withTransaction, type Queryable } from '@/db/index';
import { findApiToken } from '@/db/queries/api-tokens';
import { appendAudit } from '@/db/queries/audit';
import { createSession, findSessionUser, revokeSession, revokeUserSessions } from '@/db/queries/sessions';
import { findUserCredentials, findUserByUsername, recordLoginOutcome, setPassword } from '@/db/queries/users';
import type { User } from '@/db/schema';

export type LoginOutcome = { ok: true; token: string; user: User } | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Checks a username and password. The answer never says whether the username exists: an
 * unknown name costs the same argon2 verification and gets the same "invalid".
 */
export async function attemptLogin(db: Queryable, { username, password, now }: { username: string; password: string; now: number }): Promise<LoginOutcome> {
  const user = await findUserByUsername(db, { username });
  const valid = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
  const audit = (action: string) => appendAudit(db, { actorUserId: user?.id ?? null, actor: username, action }, now);

  if (!user || !user.active) {
    await audit('login.failed');
    return { ok: false, reason: 'invalid' };
  }
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    await audit('login.locked');
    return { ok: false, reason: 'locked' };
  }
  if (!valid) {
    const next = afterFailure(user.failedLogins, now);
    await recordLoginOutcome(db, { userId: user.id, failedLogins: next.failures, lockedUntil: next.lockedUntil });
    await audit(next.lockedUntil ? 'login.failed.locked' : 'login.failed');
    return { ok: false, reason: next.lockedUntil ? 'locked' : 'invalid' };
  }
  const token = newSecretToken();
  await withTransaction(db, async (tx) => {
    await recordLoginOutcome(tx, { userId: user.id, failedLogins: 0, lockedUntil: null });
    await createSession(tx, { tokenHash: hashToken(token), userId: user.id, now });
    await appendAudit(tx, { actorUserId: user.id, actor: user.username, action: 'login' }, now);
  });
  return { ok: true, token, user };
}

export async function logout(db: Queryable, { token, now }: { token: string; now: number }): Promise<void> {
  await revokeSession(db, { tokenHash: hashToken(token), now });
}

const toPrincipal = (kind: Principal['kind'], row: { id: number; role: Principal['role']; unitId: number | null }, label: string): Principal => ({
  kind,
  id: row.id,
  label,
  role: row.role,
  unitId: row.role === 'manager' ? row.unitId : null,
});

export async function principalForSession(db: Queryable, { token, now }: { token: string; now: number }): Promise<Principal | null> {
  const user = await findSessionUser(db, { tokenHash: hashToken(token), now });
  return user ? toPrincipal('user', user, user.displayName ?? user.username) : null;
}

export async function principalForApiToken(db: Queryable, { token, now }: { token: string; now: number }): Promise<Principal | null> {
  const row = await findApiToken(db, { tokenHash: hashToken(token), now });
  return row ? toPrincipal('token', row, `token:${row.name}`) : null;
}

export type PasswordChange = { ok: true; token: string } | { ok: false; field: 'current'; message: string };

/**
 * Replaces a user's password after checking the current one, logs them out everywhere else
 * (a stolen session must not outlive the change) and returns a fresh session for this browser.
 */
export async function changePassword(
  db: Queryable,
  { userId, current, next, now }: { userId: number; current: string; next: string; now: number },
): Promise<PasswordChange> {
  const user = await findUserCredentials(db, { userId });
  if (!user || !user.active || !(await verifyPassword(user.passwordHash, current))) {
    return { ok: false, field: 'current', message: 'Mật khẩu hiện tại không đúng. / The current password is wrong.' };
  }
  const passwordHash = await hashPassword(next);
  const token = newSecretToken();
  await withTransaction(db, async (tx) => {
    await setPassword(tx, { userId, passwordHash, now });
    await revokeUserSessions(tx, { userId, now });
    await createSession(tx, { tokenHash: hashToken(token), userId, now });
    await appendAudit(tx, { actorUserId: userId, actor: user.username, action: 'user.password.change', entity: 'user', entityId: userId }, now);
  });
  return { ok: true, token };
}

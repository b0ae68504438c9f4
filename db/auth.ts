import { afterFailure } from '@/lib/auth/password-policy';
import type { Principal } from '@/lib/auth/permissions';
import { hashPassword, hashToken, newSecretToken, timingDummyHash, verifyPassword } from '@/lib/server/secrets';

import type { Db } from './index';
import { findApiToken } from './queries/api-tokens';
import { appendAudit } from './queries/audit';
import { createSession, findSessionUser, revokeSession, revokeUserSessions } from './queries/sessions';
import { findUserCredentials, findUserByUsername, recordLoginOutcome, setPassword } from './queries/users';
import type { User } from './schema';

export type LoginOutcome = { ok: true; token: string; user: User } | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Checks a username and password. The answer never says whether the username exists: an
 * unknown name costs the same argon2 verification and gets the same "invalid".
 */
export async function attemptLogin(db: Db, { username, password, now }: { username: string; password: string; now: number }): Promise<LoginOutcome> {
  const user = findUserByUsername(db, { username });
  const valid = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
  const audit = (action: string) => appendAudit(db, { actorUserId: user?.id ?? null, actor: username, action }, now);

  if (!user || !user.active) {
    audit('login.failed');
    return { ok: false, reason: 'invalid' };
  }
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    audit('login.locked');
    return { ok: false, reason: 'locked' };
  }
  if (!valid) {
    const next = afterFailure(user.failedLogins, now);
    recordLoginOutcome(db, { userId: user.id, failedLogins: next.failures, lockedUntil: next.lockedUntil });
    audit(next.lockedUntil ? 'login.failed.locked' : 'login.failed');
    return { ok: false, reason: next.lockedUntil ? 'locked' : 'invalid' };
  }
  const token = newSecretToken();
  db.transaction((tx) => {
    recordLoginOutcome(tx, { userId: user.id, failedLogins: 0, lockedUntil: null });
    createSession(tx, { tokenHash: hashToken(token), userId: user.id, now });
    appendAudit(tx, { actorUserId: user.id, actor: user.username, action: 'login' }, now);
  });
  return { ok: true, token, user };
}

export function logout(db: Db, { token, now }: { token: string; now: number }): void {
  revokeSession(db, { tokenHash: hashToken(token), now });
}

const toPrincipal = (kind: Principal['kind'], row: { id: number; role: Principal['role']; unitId: number | null }, label: string): Principal => ({
  kind,
  id: row.id,
  label,
  role: row.role,
  unitId: row.role === 'manager' ? row.unitId : null,
});

export function principalForSession(db: Db, { token, now }: { token: string; now: number }): Principal | null {
  const user = findSessionUser(db, { tokenHash: hashToken(token), now });
  return user ? toPrincipal('user', user, user.displayName ?? user.username) : null;
}

export function principalForApiToken(db: Db, { token, now }: { token: string; now: number }): Principal | null {
  const row = findApiToken(db, { tokenHash: hashToken(token), now });
  return row ? toPrincipal('token', row, `token:${row.name}`) : null;
}

export type PasswordChange = { ok: true; token: string } | { ok: false; field: 'current'; message: string };

/**
 * Replaces a user's password after checking the current one, logs them out everywhere else
 * (a stolen session must not outlive the change) and returns a fresh session for this browser.
 */
export async function changePassword(
  db: Db,
  { userId, current, next, now }: { userId: number; current: string; next: string; now: number },
): Promise<PasswordChange> {
  const user = findUserCredentials(db, { userId });
  if (!user || !user.active || !(await verifyPassword(user.passwordHash, current))) {
    return { ok: false, field: 'current', message: 'Mật khẩu hiện tại không đúng. / The current password is wrong.' };
  }
  const passwordHash = await hashPassword(next);
  const token = newSecretToken();
  db.transaction((tx) => {
    setPassword(tx, { userId, passwordHash, now });
    revokeUserSessions(tx, { userId, now });
    createSession(tx, { tokenHash: hashToken(token), userId, now });
    appendAudit(tx, { actorUserId: userId, actor: user.username, action: 'user.password.change', entity: 'user', entityId: userId }, now);
  });
  return { ok: true, token };
}

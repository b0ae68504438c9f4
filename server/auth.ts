import { createHash } from 'node:crypto';

import type { Principal } from '@/lib/auth/permissions';
import { hashPassword, hashToken, newSecretToken, timingDummyHash, verifyPassword } from '@/server/secrets';

import { withTransaction, type Queryable } from '@/db/index';
import { findApiToken } from '@/db/queries/api-tokens';
import { hitRateLimit, peekRateLimit } from '@/db/queries/rate-limits';
import { appendAudit } from '@/db/queries/audit';
import { createSession, findSessionUser, revokeSession, revokeUserSessions } from '@/db/queries/sessions';
import { findUserCredentials, findUserByUsername, recordLoginOutcome, setPassword } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { fail, type Result } from '@/lib/result';

export type LoginOutcome = Result<{ token: string; user: User }, 'invalid' | 'throttled'>;

// The same words for a wrong password, an unknown name and a disabled account: the answer must
// not tell which names exist.
const LOGIN_INVALID = 'Sai tên đăng nhập hoặc mật khẩu. / Wrong username or password.';
const LOGIN_THROTTLED = 'Quá nhiều lần thử; vui lòng đợi vài phút. / Too many attempts; please wait a few minutes.';

// Failed sign-ins are throttled per (name, client) and per client across names, never per account:
// a lock on the account itself would let anyone keep `admin` out by failing on purpose, and would
// answer differently for names that exist. The right password from another client still works.
export const LOGIN_THROTTLE = {
  /** Failures of one name from one client (a person mistyping, or guessing one password). */
  pair: { limit: 5, windowMs: 15 * 60_000 },
  /** Failures from one client across names (password spraying). */
  client: { limit: 20, windowMs: 15 * 60_000 },
} as const;

/** The (name, client) counter's key: a name is hashed, so the counters hold no usernames. */
const pairKey = (username: string, client: string) =>
  `${client}|${createHash('sha256').update(username.toLowerCase()).digest('base64url').slice(0, 16)}`;

/**
 * Checks a username and password from `client` (the caller's rate-limit key). The answer never
 * says whether the name exists: an unknown name costs the same argon2 verification, gets the
 * same "invalid", and is throttled the same way after the same number of failures.
 */
export async function attemptLogin(
  db: Queryable,
  { username, password, now, client }: { username: string; password: string; now: number; client: string },
): Promise<LoginOutcome> {
  const audit = (actorUserId: number | null, action: string) =>
    appendAudit(db, { by: { userId: actorUserId, label: username }, action }, now);
  const pair = pairKey(username, client);
  const throttled =
    !(await peekRateLimit(db, 'login_pair', pair, LOGIN_THROTTLE.pair, now)).allowed ||
    !(await peekRateLimit(db, 'login_client', client, LOGIN_THROTTLE.client, now)).allowed;
  if (throttled) {
    await audit(null, 'login.throttled');
    return fail('throttled', LOGIN_THROTTLED);
  }

  const user = await findUserByUsername(db, { username });
  const valid = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
  if (!user || !user.active || !valid) {
    await hitRateLimit(db, 'login_pair', pair, LOGIN_THROTTLE.pair, now);
    await hitRateLimit(db, 'login_client', client, LOGIN_THROTTLE.client, now);
    await audit(user?.id ?? null, 'login.failed');
    return fail('invalid', LOGIN_INVALID);
  }
  const token = newSecretToken();
  await withTransaction(db, async (tx) => {
    await recordLoginOutcome(tx, { userId: user.id, failedLogins: 0, lockedUntil: null });
    await createSession(tx, { tokenHash: hashToken(token), userId: user.id, now });
    await appendAudit(tx, { by: { userId: user.id, label: user.username }, action: 'login' }, now);
  });
  return { ok: true, token, user };
}

export async function logout(db: Queryable, { token, now }: { token: string; now: number }): Promise<void> {
  await revokeSession(db, { tokenHash: hashToken(token), now });
}

const toPrincipal = (
  kind: Principal['kind'],
  row: { id: number; role: Principal['role']; unitId: number | null },
  label: string,
): Principal => ({
  kind,
  id: row.id,
  label,
  role: row.role,
  unitId: row.role === 'manager' ? row.unitId : null,
});

export async function principalForSession(
  db: Queryable,
  { token, now }: { token: string; now: number },
): Promise<Principal | null> {
  const user = await findSessionUser(db, { tokenHash: hashToken(token), now });
  return user ? toPrincipal('user', user, user.displayName ?? user.username) : null;
}

export async function principalForApiToken(
  db: Queryable,
  { token, now }: { token: string; now: number },
): Promise<Principal | null> {
  const row = await findApiToken(db, { tokenHash: hashToken(token), now });
  return row ? toPrincipal('token', row, `token:${row.name}`) : null;
}

export type PasswordChange = Result<{ token: string }, 'wrong_password'>;

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
    return fail('wrong_password', 'Mật khẩu hiện tại không đúng. / The current password is wrong.', 'current');
  }
  const passwordHash = await hashPassword(next);
  const token = newSecretToken();
  await withTransaction(db, async (tx) => {
    await setPassword(tx, { userId, passwordHash, now });
    await revokeUserSessions(tx, { userId, now });
    await createSession(tx, { tokenHash: hashToken(token), userId, now });
    await appendAudit(
      tx,
      { by: { userId, label: user.username }, action: 'user.password.change', entity: 'user', entityId: userId },
      now,
    );
  });
  return { ok: true, token };
}

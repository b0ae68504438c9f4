import { eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import {
  attemptLogin,
  changePassword,
  LOGIN_THROTTLE,
  logout,
  principalForApiToken,
  principalForSession,
} from '@/server/auth';
import { users } from '@/db/schema';
import { DEMO_USERS, seedDemoUsers } from '@/server/seed-users';
import { createApiToken, revokeApiToken } from '@/db/queries/api-tokens';
import { listAudit } from '@/db/queries/audit';
import { revokeUserSessions } from '@/db/queries/sessions';
import { createUser, findUnitIdByCode } from '@/db/queries/users';
import { hashPassword, hashToken } from '@/server/secrets';
import { createTestDb, type TestDb } from '@/tests/helpers/db';

let t: TestDb;
const CLI = { userId: null, label: 'test' };
const NOW = Date.parse('2026-11-28T03:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  const passwordHash = await hashPassword('correct horse battery');
  await createUser(t.db, { username: 'lan', role: 'leader', unitId: null, passwordHash }, CLI);
  await createUser(
    t.db,
    { username: 'minh', role: 'manager', unitId: await findUnitIdByCode(t.db, { code: 'SXD-QLXD' }), passwordHash },
    CLI,
  );
});
afterAll(() => t.close());

describe('login', () => {
  test('the right password opens a session whose principal carries role and unit', async () => {
    const outcome = await attemptLogin(t.db, {
      username: 'minh',
      password: 'correct horse battery',
      now: NOW,
      client: 'test',
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const p = await principalForSession(t.db, { token: outcome.token, now: NOW + 1000 });
    expect(p).toMatchObject({
      kind: 'user',
      role: 'manager',
      unitId: await findUnitIdByCode(t.db, { code: 'SXD-QLXD' }),
    });
    // The session table never holds the token itself.
    const sessionsWithHash = async (hash: string) =>
      Number((await t.all<{ n: number }>(sql`SELECT count(*) AS n FROM sessions WHERE token_hash = ${hash}`))[0]!.n);
    expect(await sessionsWithHash(outcome.token)).toBe(0);
    expect(await sessionsWithHash(hashToken(outcome.token))).toBe(1);
  });

  test('a wrong password and an unknown user get the same answer', async () => {
    const wrong = await attemptLogin(t.db, { username: 'lan', password: 'nope nope nope', now: NOW, client: 'test' });
    const unknown = await attemptLogin(t.db, {
      username: 'nobody',
      password: 'nope nope nope',
      now: NOW,
      client: 'test',
    });
    expect(wrong).toMatchObject({ ok: false, code: 'invalid' });
    expect(unknown).toMatchObject({ ok: false, code: 'invalid' });
  });

  test('failures throttle the (name, client) pair: an existing and a missing name answer alike, and nobody else is locked out', async () => {
    const passwordHash = await hashPassword('another long password');
    await createUser(t.db, { username: 'hoa', role: 'operator', unitId: null, passwordHash }, CLI);
    const attacker = 'client-attacker';
    const tryAs = (username: string, password: string, client: string, now = NOW) =>
      attemptLogin(t.db, { username, password, now, client });
    for (let i = 0; i < LOGIN_THROTTLE.pair.limit; i++) {
      expect(await tryAs('hoa', 'wrong', attacker)).toMatchObject({ ok: false, code: 'invalid' });
      expect(await tryAs('ghost', 'wrong', attacker)).toMatchObject({ ok: false, code: 'invalid' });
    }
    // The next try of either name from that client: one answer, whether the name exists or not,
    // and even with the right password (the pair is throttled, not the account).
    const existing = await tryAs('hoa', 'wrong', attacker);
    const missing = await tryAs('ghost', 'wrong', attacker);
    expect(existing).toEqual(missing);
    expect(existing).toMatchObject({ ok: false, code: 'throttled' });
    expect(await tryAs('hoa', 'another long password', attacker)).toMatchObject({ ok: false, code: 'throttled' });

    // The owner, from their own client, signs in at once: failing on purpose locks nobody out.
    expect((await tryAs('hoa', 'another long password', 'client-owner')).ok).toBe(true);
    // And the attacker's pair is free again once its window has passed.
    expect((await tryAs('hoa', 'another long password', attacker, NOW + 2 * LOGIN_THROTTLE.pair.windowMs)).ok).toBe(
      true,
    );
    const actions = (await listAudit(t.db, { actor: 'hoa' })).map((e) => e.action);
    expect(actions).toContain('login.throttled');
    expect(actions.filter((a) => a === 'login.failed')).toHaveLength(LOGIN_THROTTLE.pair.limit);
  });

  test('failures from one client across many names throttle that client (password spraying), not the others', async () => {
    const sprayer = 'client-sprayer';
    for (let i = 0; i < LOGIN_THROTTLE.client.limit; i++) {
      expect(
        await attemptLogin(t.db, { username: `name${i}`, password: 'Password2026', now: NOW, client: sprayer }),
      ).toMatchObject({ ok: false, code: 'invalid' });
    }
    expect(
      await attemptLogin(t.db, { username: 'lan', password: 'correct horse battery', now: NOW, client: sprayer }),
    ).toMatchObject({ ok: false, code: 'throttled' });
    expect(
      (
        await attemptLogin(t.db, {
          username: 'lan',
          password: 'correct horse battery',
          now: NOW,
          client: 'client-colleague',
        })
      ).ok,
    ).toBe(true);
  });

  test('logout, revoking all sessions and disabling the user each end a session', async () => {
    const login = async () => {
      const o = await attemptLogin(t.db, {
        username: 'lan',
        password: 'correct horse battery',
        now: NOW,
        client: 'test',
      });
      if (!o.ok) throw new Error('login failed');
      return o;
    };
    const a = await login();
    await logout(t.db, { token: a.token, now: NOW });
    expect(await principalForSession(t.db, { token: a.token, now: NOW })).toBeNull();

    const b = await login();
    await revokeUserSessions(t.db, { userId: b.user.id, now: NOW });
    expect(await principalForSession(t.db, { token: b.token, now: NOW })).toBeNull();

    const c = await login();
    await t.db.update(users).set({ active: false }).where(eq(users.id, c.user.id));
    expect(await principalForSession(t.db, { token: c.token, now: NOW })).toBeNull();
    await t.db.update(users).set({ active: true }).where(eq(users.id, c.user.id));

    const d = await login();
    expect(await principalForSession(t.db, { token: d.token, now: NOW + 13 * 3_600_000 })).toBeNull(); // expired after 12 h idle
  });

  test('logins and failures are in the audit log, which refuses edits', async () => {
    const actions = (await listAudit(t.db, { actor: 'lan' })).map((e) => e.action);
    expect(actions).toContain('login');
    expect(actions).toContain('login.failed');
    expect((await listAudit(t.db, { actor: 'nobody' })).map((e) => e.action)).toEqual(['login.failed']);
    // The query layer wraps the database's error: the trigger's message is in its cause.
    const refusal = (query: SQL) =>
      t.run(query).then(
        () => 'no error',
        (err: Error) => `${err.message} ${(err.cause as Error | undefined)?.message ?? ''}`,
      );
    expect(await refusal(sql`UPDATE audit_log SET actor = ${'x'}`)).toMatch(/append-only/);
    expect(await refusal(sql`DELETE FROM audit_log`)).toMatch(/append-only/);
  });
});

describe('API tokens', () => {
  test('a token is stored hashed, resolves to its role, records its last use and can be revoked', async () => {
    const token = 'hl_test-token-value-0123456789';
    const row = await createApiToken(
      t.db,
      { name: 'bi-tool', tokenHash: hashToken(token), role: 'leader', unitId: null },
      CLI,
    );
    expect(await principalForApiToken(t.db, { token, now: NOW })).toMatchObject({
      kind: 'token',
      role: 'leader',
      label: 'token:bi-tool',
    });
    expect(await t.all(sql`SELECT last_used_at FROM api_tokens WHERE id = ${row.id}`)).toEqual([{ last_used_at: NOW }]);
    expect(await principalForApiToken(t.db, { token: token + 'x', now: NOW })).toBeNull();
    expect(await revokeApiToken(t.db, { id: row.id, now: NOW }, CLI)).toBe(true);
    expect(await principalForApiToken(t.db, { token, now: NOW })).toBeNull();
  });
});

describe('password change', () => {
  test('needs the current password, then signs out every other session and keeps this one', async () => {
    const passwordHash = await hashPassword('first long password');
    const user = await createUser(t.db, { username: 'tuan', role: 'leader', unitId: null, passwordHash }, CLI);
    const other = await attemptLogin(t.db, {
      username: 'tuan',
      password: 'first long password',
      now: NOW,
      client: 'test',
    });
    if (!other.ok) throw new Error('login failed');

    const refused = await changePassword(t.db, {
      userId: user.id,
      current: 'not it at all',
      next: 'second long password',
      now: NOW,
    });
    expect(refused.ok).toBe(false);
    expect(await principalForSession(t.db, { token: other.token, now: NOW })).not.toBeNull();

    const changed = await changePassword(t.db, {
      userId: user.id,
      current: 'first long password',
      next: 'second long password',
      now: NOW,
    });
    expect(changed.ok).toBe(true);
    if (!changed.ok) return;
    expect(await principalForSession(t.db, { token: other.token, now: NOW })).toBeNull();
    expect(await principalForSession(t.db, { token: changed.token, now: NOW })).toMatchObject({ id: user.id });
    expect(
      (await attemptLogin(t.db, { username: 'tuan', password: 'first long password', now: NOW, client: 'test' })).ok,
    ).toBe(false);
    expect(
      (await attemptLogin(t.db, { username: 'tuan', password: 'second long password', now: NOW, client: 'test' })).ok,
    ).toBe(true);
    expect((await listAudit(t.db, { actor: 'tuan' })).map((e) => e.action)).toContain('user.password.change');
  });
});

describe('demo accounts', () => {
  test('one per role, the manager scoped to a unit, created once, each able to log in', async () => {
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(['admin', 'leader', 'manager', 'operator']));
    expect(await seedDemoUsers(t.db)).toBe(DEMO_USERS.length);
    expect(await seedDemoUsers(t.db)).toBe(0);
    for (const u of DEMO_USERS) {
      const o = await attemptLogin(t.db, { username: u.username, password: u.password, now: NOW, client: 'test' });
      expect(o.ok, u.username).toBe(true);
      if (o.ok) expect((await principalForSession(t.db, { token: o.token, now: NOW }))?.role).toBe(u.role);
    }
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { attemptLogin, principalForApiToken, principalForSession } from '@/server/auth';
import { listApiTokens } from '@/db/queries/api-tokens';
import { listAudit } from '@/db/queries/audit';
import { findSurveyVersion, listSurveysWithVersions } from '@/db/queries/surveys';
import { findUnitIdByCode, findUserByUsername, createUser } from '@/db/queries/users';
import type { ActionState } from '@/lib/admin/form';
import type { Principal } from '@/lib/auth/permissions';
import {
  createTokenCore,
  createUserCore,
  publishSurveyCore,
  resetPasswordCore,
  revokeTokenCore,
  setUserActiveCore,
  updateUserCore,
  uploadSurveyCore,
} from '@/server/admin/people';
import { hashPassword } from '@/server/secrets';
import { createTestDb, type TestDb } from '@/tests/helpers/db';

let t: TestDb;
let admin: Principal;
const PASSWORD = 'mot cau mat khau dai';

beforeAll(async () => {
  t = await createTestDb();
  const user = await createUser(
    t.db,
    { username: 'root', role: 'admin', unitId: null, passwordHash: await hashPassword(PASSWORD) },
    { userId: null, label: 'test' },
  );
  admin = { kind: 'user', id: user.id, label: 'root', role: 'admin', unitId: null };
});
afterAll(() => t.close());

const fieldErrors = (s: ActionState) => (s.status === 'error' ? (s.fieldErrors ?? {}) : {});
const lastAudit = async () => (await listAudit(t.db, { limit: 1 }))[0]!;
const unit = async (code: string) => String(await findUnitIdByCode(t.db, { code }));
const login = async (username: string, password = PASSWORD) => {
  const o = await attemptLogin(t.db, { username, password, now: Date.now(), client: 'test' });
  if (!o.ok) throw new Error(`login failed: ${o.code}`);
  return o.token;
};

describe('users', () => {
  test('a manager without a unit, mismatched passwords and a taken name are refused by the field', async () => {
    const base = {
      username: 'minh',
      displayName: 'Trần Minh',
      role: 'manager',
      unitId: await unit('SXD-QLXD'),
      password: PASSWORD,
      confirm: PASSWORD,
    };
    const before = await t.count('users');
    expect(fieldErrors(await createUserCore(t.db, admin, { ...base, unitId: '' }))).toHaveProperty('unitId');
    expect(fieldErrors(await createUserCore(t.db, admin, { ...base, confirm: 'other' }))).toHaveProperty('confirm');
    expect(fieldErrors(await createUserCore(t.db, admin, { ...base, username: 'root' }))).toHaveProperty('username');
    const weak = await createUserCore(t.db, admin, { ...base, password: 'short', confirm: 'short' });
    expect(fieldErrors(weak)).toHaveProperty('password');
    // The refill never carries a password back to the browser.
    expect(weak.status === 'error' && weak.values).toEqual({
      username: 'minh',
      displayName: 'Trần Minh',
      role: 'manager',
      unitId: base.unitId,
    });
    expect(await t.count('users')).toBe(before);

    expect(await createUserCore(t.db, admin, base)).toMatchObject({ status: 'ok' });
    expect(await findUserByUsername(t.db, { username: 'minh' })).toMatchObject({
      role: 'manager',
      unitId: Number(base.unitId),
      displayName: 'Trần Minh',
    });
    expect(await lastAudit()).toMatchObject({ action: 'user.create', actor: 'root' });
  });

  test('changing the role to leader drops the unit; the audit says from what to what', async () => {
    const id = String((await findUserByUsername(t.db, { username: 'minh' }))!.id);
    expect(
      await updateUserCore(t.db, admin, {
        id,
        displayName: 'Trần Minh',
        role: 'leader',
        unitId: await unit('SXD-QLXD'),
      }),
    ).toMatchObject({ status: 'ok' });
    expect(await findUserByUsername(t.db, { username: 'minh' })).toMatchObject({ role: 'leader', unitId: null });
    expect(JSON.parse((await lastAudit()).before!)).toMatchObject({
      role: 'manager',
      unitId: Number(await unit('SXD-QLXD')),
    });
    expect(JSON.parse((await lastAudit()).after!)).toMatchObject({ role: 'leader', unitId: null });
  });

  test('disabling a user ends their sessions at once; enabling lets them sign in again', async () => {
    const user = (await findUserByUsername(t.db, { username: 'minh' }))!;
    const token = await login('minh');
    expect(await principalForSession(t.db, { token, now: Date.now() })).not.toBeNull();
    expect(await setUserActiveCore(t.db, admin, { id: String(user.id), active: 'false' })).toMatchObject({
      status: 'ok',
    });
    expect(await principalForSession(t.db, { token, now: Date.now() })).toBeNull();
    expect(await t.all(sql`SELECT user_id FROM sessions WHERE user_id = ${user.id} AND revoked_at IS NULL`)).toEqual(
      [],
    );
    expect(await lastAudit()).toMatchObject({
      action: 'user.disable',
      before: '{"active":true}',
      after: '{"active":false}',
    });
    expect(
      (await attemptLogin(t.db, { username: 'minh', password: PASSWORD, now: Date.now(), client: 'test' })).ok,
    ).toBe(false);
    await setUserActiveCore(t.db, admin, { id: String(user.id), active: 'true' });
    await login('minh');
  });

  test('a password reset applies the policy, ends sessions, and the new password works', async () => {
    const id = String((await findUserByUsername(t.db, { username: 'minh' }))!.id);
    const token = await login('minh');
    expect(
      fieldErrors(await resetPasswordCore(t.db, admin, { id, password: 'short', confirm: 'short' })),
    ).toHaveProperty('password');
    expect(await principalForSession(t.db, { token, now: Date.now() })).not.toBeNull();
    const fresh = 'mat khau moi that dai';
    expect(await resetPasswordCore(t.db, admin, { id, password: fresh, confirm: fresh })).toMatchObject({
      status: 'ok',
    });
    expect(await principalForSession(t.db, { token, now: Date.now() })).toBeNull();
    await login('minh', fresh);
    expect((await lastAudit()).action).toBe('login');
    const reset = (await listAudit(t.db, { action: 'user.password_reset' }))[0]!;
    expect(reset.after).not.toContain('argon2'); // never the hash
  });

  test('the last active admin can neither be disabled nor demoted', async () => {
    const id = String(admin.id);
    expect(fieldErrors(await setUserActiveCore(t.db, admin, { id, active: 'false' })).id?.[0]).toMatch(
      /ít nhất một quản trị viên/,
    );
    expect(fieldErrors(await updateUserCore(t.db, admin, { id, role: 'leader', unitId: '' }))).toHaveProperty('role');
    expect(await findUserByUsername(t.db, { username: 'root' })).toMatchObject({ role: 'admin', active: true });
  });
});

describe('API tokens', () => {
  test('the secret is shown once, authenticates, records its use, and stops working when revoked', async () => {
    expect(fieldErrors(await createTokenCore(t.db, admin, { name: 'x', role: 'manager', unitId: '' }))).toHaveProperty(
      'unitId',
    );
    const s = await createTokenCore(t.db, admin, { name: 'Cổng DVC', role: 'manager', unitId: await unit('SXD-NHA') });
    expect(s.status).toBe('ok');
    const secret = s.status === 'ok' ? s.secret! : '';
    expect(secret).toMatch(/^hl_/);
    expect(await t.all(sql`SELECT id FROM api_tokens WHERE token_hash = ${secret}`)).toEqual([]);

    expect(await principalForApiToken(t.db, { token: secret, now: Date.now() })).toMatchObject({
      kind: 'token',
      role: 'manager',
      unitId: Number(await unit('SXD-NHA')),
    });
    const row = (await listApiTokens(t.db)).find((r) => r.name === 'Cổng DVC')!;
    expect(row.lastUsedAt).not.toBeNull();
    expect(row).not.toHaveProperty('tokenHash');

    expect(await revokeTokenCore(t.db, admin, { id: String(row.id) })).toMatchObject({ status: 'ok' });
    expect(await principalForApiToken(t.db, { token: secret, now: Date.now() })).toBeNull();
    expect(await revokeTokenCore(t.db, admin, { id: String(row.id) })).toMatchObject({ status: 'error' });
    expect(await lastAudit()).toMatchObject({ action: 'token.revoke', entityId: String(row.id) });
  });
});

describe('surveys', () => {
  const quickV1 = async () =>
    JSON.parse((await findSurveyVersion(t.db, { slug: 'quick' }))!.definition) as {
      pages: { elements: Record<string, unknown>[] }[];
    };

  test('a broken survey is refused with the JSON path of each problem; nothing is stored', async () => {
    const versions = await t.count('survey_versions');
    const broken = await quickV1();
    broken.pages[0]!.elements[0]!.type = 'slider-of-doom';
    const s = await uploadSurveyCore(t.db, admin, { slug: 'quick', definition: JSON.stringify(broken) });
    expect(s.status).toBe('error');
    expect(fieldErrors(s).definition?.[0]).toMatch(/^pages\[0\]\.elements\[0\]/);
    const syntax = await uploadSurveyCore(t.db, admin, { slug: 'quick', definition: '{"pages": [' });
    expect(fieldErrors(syntax).definition?.[0]).toMatch(/dòng \/ line 1/);
    expect(await t.count('survey_versions')).toBe(versions);
  });

  test('a valid upload is a new version, unpublished until published; the same file again is no new version', async () => {
    const published = (await listSurveysWithVersions(t.db)).find((s) => s.slug === 'quick')!.publishedVersion!;
    const edited = (await quickV1()) as { title?: unknown };
    edited.title = 'Đánh giá nhanh (sửa)';
    const definition = JSON.stringify(edited);
    expect(await uploadSurveyCore(t.db, admin, { slug: 'quick', definition })).toMatchObject({
      status: 'ok',
      message: expect.stringMatching(`phiên bản mới ${published + 1}`),
    });
    expect(await lastAudit()).toMatchObject({ action: 'survey.import', entityId: 'quick' });
    expect((await listSurveysWithVersions(t.db)).find((s) => s.slug === 'quick')!.publishedVersion).toBe(published);
    expect(await uploadSurveyCore(t.db, admin, { slug: 'quick', definition })).toMatchObject({
      message: expect.stringMatching('không đổi'),
    });

    expect(fieldErrors(await publishSurveyCore(t.db, admin, { slug: 'quick', version: '99' }))).toHaveProperty(
      'version',
    );
    expect(await publishSurveyCore(t.db, admin, { slug: 'quick', version: String(published + 1) })).toMatchObject({
      status: 'ok',
    });
    expect((await findSurveyVersion(t.db, { slug: 'quick' }))!.version).toBe(published + 1);
    expect(await lastAudit()).toMatchObject({
      action: 'survey.publish',
      before: `{"publishedVersion":${published}}`,
      after: `{"publishedVersion":${published + 1}}`,
    });
  });
});

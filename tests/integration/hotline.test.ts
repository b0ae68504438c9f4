import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { attemptLogin } from '@/server/auth';
import { createUser } from '@/db/queries/users';
import { hashPassword } from '@/server/secrets';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

let t: TestDb;
const cookies: Record<string, string> = {};
let operatorId = 0;

beforeAll(async () => {
  t = await createTestDb();
  const passwordHash = await hashPassword('operator password 1');
  for (const [username, role] of [
    ['op', 'operator'],
    ['boss', 'leader'],
  ] as const) {
    const user = await createUser(
      t.db,
      { username, role, unitId: null, passwordHash },
      { userId: null, label: 'test' },
    );
    if (role === 'operator') operatorId = user.id;
    const login = await attemptLogin(t.db, {
      username,
      password: 'operator password 1',
      now: Date.now(),
      client: 'test',
    });
    if (!login.ok) throw new Error('login failed');
    cookies[role] = `hl_session=${login.token}`;
  }
});
afterAll(() => t.close());

const hotline = () => quickResponse({ channel: 'hotline', procedure: '1.013236' });

describe('hotline entries (channel hotline)', () => {
  test.each([
    ['anonymous', {}, 401, 'unauthenticated'],
    ['a leader (no hotline capability)', { cookie: 'leader' }, 403, 'forbidden'],
    ['an operator from another site', { cookie: 'operator', origin: 'https://evil.example' }, 403, 'cross_site'],
    ['a forged session', { cookie: 'bad' }, 401, 'unauthenticated'],
  ])('%s is refused and nothing is stored', async (_who, opts: { cookie?: string; origin?: string }, status, code) => {
    const before = await t.count('responses');
    const headers: Record<string, string> = {};
    if (opts.cookie) headers.cookie = cookies[opts.cookie] ?? 'hl_session=forged';
    if (opts.origin) headers.origin = opts.origin;
    const res = await POST(jsonRequest(hotline(), { headers }));
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect(await t.count('responses')).toBe(before);
  });

  test('a signed-in operator on this site stores the answer with channel hotline and their account', async () => {
    const body = hotline();
    const res = await POST(jsonRequest(body, { headers: { cookie: cookies.operator!, origin: 'http://localhost' } }));
    expect(res.status).toBe(201);
    expect(await t.all(sql`SELECT channel, operator_id FROM responses WHERE id = ${body.id}`)).toEqual([
      { channel: 'hotline', operator_id: operatorId },
    ]);
  });

  test('citizen channels never record an operator, even with an operator cookie', async () => {
    const body = quickResponse();
    const res = await POST(jsonRequest(body, { headers: { cookie: cookies.operator! } }));
    expect(res.status).toBe(201);
    expect(await t.all(sql`SELECT operator_id FROM responses WHERE id = ${body.id}`)).toEqual([{ operator_id: null }]);
  });
});

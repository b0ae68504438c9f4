import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

import { dialectOf } from '@/db';
import { attemptLogin } from '@/server/auth';
import { createUser, findUnitIdByCode } from '@/db/queries/users';
import { hashPassword } from '@/server/secrets';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

// The authorization matrix, for server actions: every action is called as anonymous, operator, manager
// of the unit, manager of another unit, leader and admin; the refused ones change nothing.
// The actions read the session from next/headers: here it is the cookie of the role under test.

let session: string | null = null;
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name === 'hl_session' && session ? { name, value: session } : undefined),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const admin = await import('@/app/admin/actions');
const cases = await import('@/app/cases/actions');
const account = await import('@/app/account/actions');
const { POST } = await import('@/app/api/responses/route');

let t: TestDb;
const ROLES = ['anonymous', 'operator', 'manager', 'otherManager', 'leader', 'admin'] as const;
type Who = (typeof ROLES)[number];
const tokens: Partial<Record<Who, string>> = {};
let caseCode = '';

beforeAll(async () => {
  t = await createTestDb();
  const passwordHash = await hashPassword('matrix password 1');
  const users: Array<[Who, 'operator' | 'manager' | 'leader' | 'admin', string | null]> = [
    ['operator', 'operator', null],
    ['manager', 'manager', 'SXD-QLXD'],
    ['otherManager', 'manager', 'SXD-NHA'],
    ['leader', 'leader', null],
    ['admin', 'admin', null],
  ];
  for (const [who, role, unit] of users) {
    await createUser(
      t.db,
      {
        username: who.toLowerCase(),
        role,
        unitId: unit ? await findUnitIdByCode(t.db, { code: unit }) : null,
        passwordHash,
      },
      { userId: null, label: 'test' },
    );
    const login = await attemptLogin(t.db, {
      username: who.toLowerCase(),
      password: 'matrix password 1',
      now: Date.now(),
      client: 'test',
    });
    if (!login.ok) throw new Error(`login ${who}`);
    tokens[who] = login.token;
  }
  // A case at desk 1 (unit SXD-QLXD).
  const res = await POST(jsonRequest(quickResponse({ answers: { satisfaction: 1 } })));
  caseCode = ((await res.json()) as { case: string }).case;
});
afterAll(() => t.close());

const as = (who: Who) => {
  session = who === 'anonymous' ? null : tokens[who]!;
};
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
/** Every table's row count and the audit log: a refused action must leave all of it as it was. */
async function snapshot(): Promise<string> {
  const tables = await t.all<{ name: string }>(
    dialectOf(t.db) === 'postgres'
      ? sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
      : sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  );
  const counts: string[] = [];
  for (const { name } of tables.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (name === 'sessions' || name.startsWith('__drizzle')) continue;
    counts.push(`${name}:${await t.count(name)}`);
  }
  return counts.join(' ');
}

const AUTH_REFUSALS =
  /Phiên đăng nhập đã hết|Vai trò của bạn không được|không tìm thấy phản ánh trong phạm vi|Không tìm thấy phản ánh trong phạm vi/i;

function refusalOf(state: unknown): string | null {
  const s = state as { message?: string; errors?: { form?: string } };
  const text = s.errors?.form ?? s.message ?? '';
  return AUTH_REFUSALS.test(text) ? text : null;
}

type Case = { name: string; allowed: readonly Who[]; call: () => Promise<unknown> };

const adminOnly = ['admin'] as const;
const ADMIN_ACTIONS: Case[] = Object.entries(admin)
  .filter(([name, fn]) => name.endsWith('Action') && typeof fn === 'function')
  .map(([name, fn]) => ({
    name: `admin ${name}`,
    allowed: adminOnly,
    call: () =>
      (fn as (p: unknown, f: FormData) => Promise<unknown>)(
        { status: 'idle' },
        form({ name: 'x', code: 'x', id: '999999' }),
      ),
  }));

const CASE_ACTIONS: Case[] = [
  {
    name: 'cases changeStatusAction',
    allowed: ['manager', 'admin'],
    call: () => cases.changeStatusAction(caseCode, {}, form({ status: 'in_progress' })),
  },
  {
    name: 'cases addNoteAction',
    allowed: ['manager', 'admin'],
    call: () => cases.addNoteAction(caseCode, {}, form({ body: 'ghi chú' })),
  },
  {
    name: 'cases assignAction',
    allowed: ['manager', 'admin'],
    call: () => cases.assignAction(caseCode, {}, form({ assignee: '' })),
  },
];

const ACCOUNT_ACTIONS: Case[] = [
  {
    name: 'account changePasswordAction',
    allowed: ['operator', 'manager', 'otherManager', 'leader', 'admin'],
    call: () => account.changePasswordAction({}, form({ current: 'wrong', next: 'x', confirm: 'y' })),
  },
];

describe.each([...ADMIN_ACTIONS, ...CASE_ACTIONS, ...ACCOUNT_ACTIONS])('$name', ({ allowed, call }) => {
  test.each(ROLES)('as %s', async (who) => {
    as(who);
    const before = await snapshot();
    const state = await call();
    const refusal = refusalOf(state);
    if (allowed.includes(who as never)) {
      expect(refusal, `allowed for ${who}`).toBeNull();
    } else {
      expect(refusal, `refused for ${who}: ${JSON.stringify(state)}`).not.toBeNull();
      expect(await snapshot()).toBe(before);
    }
  });
});

test('the matrix covers every exported admin action', async () => {
  expect(ADMIN_ACTIONS.length).toBeGreaterThanOrEqual(21);
});

// The audit log names a person once: by username, whether they changed the structure or handled
// a case, so filtering by that username finds all of it (the display name is not an actor).
test('one person is one actor in the audit log across admin and case actions', async () => {
  const { listAudit } = await import('@/db/queries/audit');
  const passwordHash = await hashPassword('matrix password 1');
  await createUser(
    t.db,
    { username: 'giamdoc', role: 'admin', unitId: null, passwordHash, displayName: 'Nguyễn Văn An' },
    { userId: null, label: 'test' },
  );
  const login = await attemptLogin(t.db, {
    username: 'giamdoc',
    password: 'matrix password 1',
    now: Date.now(),
    client: 'test',
  });
  if (!login.ok) throw new Error('login giamdoc');
  session = login.token;
  expect(
    refusalOf(await admin.createUnitAction({ status: 'idle' }, form({ code: 'AUDIT-ONE', name: 'Đơn vị kiểm tra' }))),
  ).toBeNull();
  expect(refusalOf(await cases.addNoteAction(caseCode, {}, form({ body: 'đã gọi lại' })))).toBeNull();
  expect(
    refusalOf(await cases.changeStatusAction(caseCode, {}, form({ status: 'resolved', publicReply: 'Đã xử lý' }))),
  ).toBeNull();

  const entries = await listAudit(t.db, { actor: 'giamdoc', limit: 50 });
  const actions = entries.map((e) => e.action);
  expect(actions.some((a) => a.startsWith('unit.'))).toBe(true);
  expect(
    actions.some((a) => a.startsWith('case.')),
    actions.join(', '),
  ).toBe(true);
  expect((await listAudit(t.db, { actor: 'Nguyễn Văn An', limit: 50 })).length).toBe(0);
});

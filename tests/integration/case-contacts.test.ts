import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST as postContact } from '@/app/api/cases/contact/route';
import { POST } from '@/app/api/responses/route';
import { findUnitIdByCode } from '@/db/queries/users';
import type { Principal, Role } from '@/lib/auth/permissions';
import { caseForPrincipal } from '@/server/case-view';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

// A call-back contact is personal data given for one purpose: only the case's handlers (the
// unit's managers, subtree included, and admins) see its value. A leader sees that one exists.

let t: TestDb;
let code = '';
beforeAll(async () => {
  t = await createTestDb();
  const body = quickResponse({ point: 'TTHCC-Q01', answers: { satisfaction: 1 } }); // desk of SXD-QLXD
  code = ((await (await POST(jsonRequest(body))).json()) as { case: string }).case;
  const res = await postContact(
    jsonRequest({ responseId: body.id, name: 'Trần Thị B', phone: '0987 654 321', consent: true }),
  );
  expect(res.status).toBe(201);
});
afterAll(() => t.close());

const principal = async (role: Role, unit?: string): Promise<Principal> => ({
  kind: 'user',
  id: 999,
  label: `${role}-test`,
  role,
  unitId: unit ? await findUnitIdByCode(t.db, { code: unit }) : null,
});

describe('who sees a call-back contact on /cases/[code]', () => {
  test.each([
    ['an admin', 'admin', undefined],
    ["the manager of the case's unit", 'manager', 'SXD-QLXD'],
    ['a manager of a unit above it (subtree)', 'manager', 'SXD'],
  ] as const)('%s: the value', async (_who, role, unit) => {
    const c = await caseForPrincipal(t.db, await principal(role, unit), code);
    expect(c!.contact).toMatchObject({ shown: true, name: 'Trần Thị B', phone: '0987654321' });
  });

  test('a leader: the case, and that a contact exists, but not its value', async () => {
    const c = await caseForPrincipal(t.db, await principal('leader'), code);
    expect(c!.code).toBe(code);
    expect(c!.contact).toEqual({ shown: false });
    expect(JSON.stringify(c)).not.toMatch(/0987|Trần Thị B/);
  });

  test.each([
    ['a manager of another unit', 'manager', 'SXD-NHA'],
    ['a hotline operator', 'operator', undefined],
  ] as const)('%s: not even the case', async (_who, role, unit) => {
    expect(await caseForPrincipal(t.db, await principal(role, unit), code)).toBeNull();
  });
});

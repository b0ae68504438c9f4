import type { Role } from '@/lib/auth/permissions';
import { hashPassword } from '@/server/secrets';

import type { Db } from '@/db/index';
import { createUser, findUnitIdByCode, findUserByUsername } from '@/db/queries/users';

/**
 * The demo accounts a first start creates so a new user can try every role (README lists them).
 * Their passwords are public: a real deployment sets DEMO_USERS=0 or disables them in /admin/users.
 */
export const DEMO_USERS: ReadonlyArray<{
  username: string;
  password: string;
  role: Role;
  unit: string | null;
  displayName: string;
}> = [
  {
    username: 'admin',
    password: 'demo-admin-2026',
    role: 'admin',
    unit: null,
    displayName: 'Quản trị hệ thống (demo)',
  },
  {
    username: 'lanhdao',
    password: 'demo-lanhdao-2026',
    role: 'leader',
    unit: null,
    displayName: 'Ban Giám đốc Sở (demo)',
  },
  {
    username: 'truongphong',
    password: 'demo-truongphong-2026',
    role: 'manager',
    unit: 'SXD-QLXD',
    displayName: 'Trưởng phòng Quản lý xây dựng (demo)',
  },
  {
    username: 'tongdai',
    password: 'demo-tongdai-2026',
    role: 'operator',
    unit: null,
    displayName: 'Tổng đài viên 1022 (demo)',
  },
];

/** Creates the demo accounts that do not exist yet; returns how many it created. */
export async function seedDemoUsers(db: Db): Promise<number> {
  let created = 0;
  for (const u of DEMO_USERS) {
    if (await findUserByUsername(db, { username: u.username })) continue;
    const unitId = u.unit ? await findUnitIdByCode(db, { code: u.unit }) : null;
    if (u.unit && unitId === null) continue; // reference data without that unit: skip rather than guess
    await createUser(
      db,
      {
        username: u.username,
        role: u.role,
        unitId,
        passwordHash: await hashPassword(u.password),
        displayName: u.displayName,
      },
      { userId: null, label: 'seed' },
    );
    created++;
  }
  return created;
}

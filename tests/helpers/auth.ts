import type { Db } from '@/db';
import { createApiToken } from '@/db/queries/api-tokens';
import { findUnitIdByCode } from '@/db/queries/users';
import type { Role } from '@/lib/auth/permissions';
import { hashToken, newSecretToken } from '@/server/secrets';

let serial = 0;

/** An API token of `role` (a manager's limited to `unit`), as the Authorization header to send. */
export async function bearer(db: Db, role: Role, unit?: string): Promise<{ authorization: string }> {
  const token = newSecretToken('hl_');
  const unitId = unit === undefined ? null : await findUnitIdByCode(db, { code: unit });
  if (unit !== undefined && unitId === null) throw new Error(`no unit ${unit}`);
  serial += 1;
  await createApiToken(
    db,
    { name: `test-${role}-${serial}`, tokenHash: hashToken(token), role, unitId },
    { userId: null, label: 'test' },
  );
  return { authorization: `Bearer ${token}` };
}

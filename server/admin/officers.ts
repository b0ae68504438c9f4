// Cores of the officer admin actions and of `npm run admin -- officer …`: every change audited in
// its own transaction. Disabling keeps the officer and every response linked to them (history).
import { withTransaction, type Db } from '@/db';
import { appendAudit, type AuditActor } from '@/db/queries/audit';
import { findOfficer, insertOfficer, updateOfficer, type OfficerFields } from '@/db/queries/officers';
import { findUnitById } from '@/db/queries/units';
import { findUserById } from '@/db/queries/users';

export type OfficerChange = { ok: true; id: number } | { ok: false; code: string; message: string };

async function checkLinks(db: Db, input: OfficerFields): Promise<OfficerChange | null> {
  if (!(await findUnitById(db, input.unitId)))
    return { ok: false, code: 'unit_missing', message: 'Đơn vị không tồn tại / unit not found' };
  if (input.userId !== null) {
    const user = await findUserById(db, input.userId);
    if (!user || user.role !== 'officer')
      return {
        ok: false,
        code: 'user_not_officer',
        message: 'Tài khoản liên kết phải có vai trò officer / the linked login must have the officer role',
      };
  }
  return null;
}

export async function createOfficer(db: Db, input: OfficerFields, actor: AuditActor): Promise<OfficerChange> {
  const refused = await checkLinks(db, input);
  if (refused) return refused;
  try {
    return await withTransaction(db, async (tx) => {
      const { id } = await insertOfficer(tx, { ...input, now: Date.now() });
      await appendAudit(tx, {
        actorUserId: actor.userId,
        actor: actor.label,
        action: 'officer.create',
        entity: 'officer',
        entityId: id,
        after: { ...input, photo: input.photo ? 'set' : null },
      });
      return { ok: true as const, id };
    });
  } catch (err) {
    if (/unique/i.test(String((err as Error).message)))
      return { ok: false, code: 'user_taken', message: 'Tài khoản đã liên kết với cán bộ khác / login already linked' };
    throw err;
  }
}

export async function editOfficer(
  db: Db,
  input: OfficerFields & { id: number },
  actor: AuditActor,
): Promise<OfficerChange> {
  const before = await findOfficer(db, input.id);
  if (!before) return { ok: false, code: 'not_found', message: 'Không tìm thấy cán bộ / officer not found' };
  const refused = await checkLinks(db, input);
  if (refused) return refused;
  return withTransaction(db, async (tx) => {
    await updateOfficer(tx, input);
    await appendAudit(tx, {
      actorUserId: actor.userId,
      actor: actor.label,
      action: 'officer.update',
      entity: 'officer',
      entityId: input.id,
      before: { unitId: before.unitId, name: before.name, title: before.title, userId: before.userId },
      after: { unitId: input.unitId, name: input.name, title: input.title, userId: input.userId },
    });
    return { ok: true as const, id: input.id };
  });
}

export async function setOfficerActive(
  db: Db,
  { id, active }: { id: number; active: boolean },
  actor: AuditActor,
): Promise<OfficerChange> {
  const before = await findOfficer(db, id);
  if (!before) return { ok: false, code: 'not_found', message: 'Không tìm thấy cán bộ / officer not found' };
  return withTransaction(db, async (tx) => {
    await updateOfficer(tx, { id, active });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      actor: actor.label,
      action: active ? 'officer.enable' : 'officer.disable',
      entity: 'officer',
      entityId: id,
      before: { active: before.active },
      after: { active },
    });
    return { ok: true as const, id };
  });
}

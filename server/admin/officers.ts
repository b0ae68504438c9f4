// Cores of the officer admin actions and of `npm run admin -- officer …`: every change audited in
// its own transaction. Disabling keeps the officer and every response linked to them (history).
import { withTransaction, type Db } from '@/db';
import { appendAudit, type AuditActor } from '@/db/queries/audit';
import {
  findOfficer,
  findOfficerByUser,
  insertOfficer,
  updateOfficer,
  type OfficerFields,
} from '@/db/queries/officers';
import { findUnitById } from '@/db/queries/units';
import { findUserById } from '@/db/queries/users';
import { parseForm, type ActionState } from '@/lib/admin/form';
import type { Principal } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';
import { officerActiveSchema, officerCreateSchema, officerUpdateSchema } from '@/lib/officers/record';
import { fail, refuse, type Result } from '@/lib/result';

import { actorOf, refused } from './actor';

export type OfficerChange = Result<{ id: number }>;

const USER_TAKEN = 'Tài khoản đã liên kết với cán bộ khác / login already linked';

/** The unit must exist; a linked login must have the officer role and belong to no other officer. */
async function checkLinks(db: Db, input: OfficerFields, officerId?: number): Promise<OfficerChange | null> {
  if (!(await findUnitById(db, input.unitId))) return refuse('unit_missing', 'unitId');
  if (input.userId !== null) {
    const user = await findUserById(db, input.userId);
    if (!user || user.role !== 'officer')
      return fail(
        'user_not_officer',
        'Tài khoản liên kết phải có vai trò officer / the linked login must have the officer role',
        'userId',
      );
    const holder = await findOfficerByUser(db, input.userId);
    if (holder && holder.id !== officerId) return fail('user_taken', USER_TAKEN, 'userId');
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
        by: actor,
        action: 'officer.create',
        entity: 'officer',
        entityId: id,
        after: { ...input, photo: input.photo ? 'set' : null },
      });
      return { ok: true as const, id };
    });
  } catch (err) {
    // Two admins linking one login at once: the unique index decides (drizzle wraps the driver's error).
    const cause = (err as { cause?: unknown }).cause;
    if (/unique/i.test(`${(err as Error).message} ${cause instanceof Error ? cause.message : ''}`))
      return fail('user_taken', USER_TAKEN, 'userId');
    throw err;
  }
}

export async function editOfficer(
  db: Db,
  input: OfficerFields & { id: number },
  actor: AuditActor,
): Promise<OfficerChange> {
  const before = await findOfficer(db, input.id);
  if (!before) return fail('not_found', 'Không tìm thấy cán bộ / officer not found', 'id');
  const refused = await checkLinks(db, input, input.id);
  if (refused) return refused;
  return withTransaction(db, async (tx) => {
    await updateOfficer(tx, input);
    await appendAudit(tx, {
      by: actor,
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
  if (!before) return fail('not_found', 'Không tìm thấy cán bộ / officer not found', 'id');
  return withTransaction(db, async (tx) => {
    await updateOfficer(tx, { id, active });
    await appendAudit(tx, {
      by: actor,
      action: active ? 'officer.enable' : 'officer.disable',
      entity: 'officer',
      entityId: id,
      before: { active: before.active },
      after: { active },
    });
    return { ok: true as const, id };
  });
}

// ── The admin page's server actions (app/admin/actions.ts) ─────────────────────────────────────

type Input = Record<string, unknown>;

function answered(result: OfficerChange, input: Input, ok: string): ActionState {
  return result.ok ? { status: 'ok', message: ok } : refused(result, input);
}

/** Refused with the setting off: the admin page is not shown then, and a stale form must not write. */
const disabled = (): ActionState => ({
  status: 'error',
  message: 'Chức năng đánh giá cán bộ đang tắt (OFFICER_RATINGS). / Officer ratings are off.',
});

export async function createOfficerCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  if (!getConfig().OFFICER_RATINGS) return disabled();
  const form = parseForm(officerCreateSchema, input);
  if (!form.ok) return form.state;
  const result = await createOfficer(db, form.data, await actorOf(db, principal));
  return answered(result, input, `Đã thêm cán bộ ${form.data.name}. / Officer added.`);
}

export async function updateOfficerCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  if (!getConfig().OFFICER_RATINGS) return disabled();
  const form = parseForm(officerUpdateSchema, input);
  if (!form.ok) return form.state;
  // An edit without a new photo keeps the old one.
  const photo = form.data.photo ?? (await findOfficer(db, form.data.id))?.photo ?? null;
  const result = await editOfficer(db, { ...form.data, photo }, await actorOf(db, principal));
  return answered(result, input, 'Đã lưu cán bộ. / Officer saved.');
}

export async function setOfficerActiveCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  if (!getConfig().OFFICER_RATINGS) return disabled();
  const form = parseForm(officerActiveSchema, input);
  if (!form.ok) return form.state;
  const result = await setOfficerActive(db, form.data, await actorOf(db, principal));
  return answered(
    result,
    input,
    form.data.active
      ? 'Đã mở lại cán bộ. / Officer enabled.'
      : 'Đã ngừng cán bộ; các đánh giá cũ vẫn giữ. / Officer disabled; their history stays.',
  );
}

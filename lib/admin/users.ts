import { z } from 'zod';

import { passwordSchema, usernameSchema } from '@/lib/auth/password-policy';
import { ROLES } from '@/lib/auth/permissions';

import { idField, optionalId, optionalText } from './form';

export const roleSchema = z.enum(ROLES, { error: `Vai trò: ${ROLES.join(', ')} / role: one of ${ROLES.join(', ')}` });

/** A manager's scope is their unit's subtree: without a unit they would see nothing. */
const unitForManager = <T extends { role: string; unitId: number | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.role === 'manager' && v.unitId === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['unitId'],
      message: 'Quản lý đơn vị cần chọn đơn vị / a manager needs a unit',
    });
  }
};

const confirmMatches = <T extends { password: string; confirm: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.password !== v.confirm)
    ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'Hai mật khẩu không khớp / the passwords differ' });
};

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: optionalText(100),
    role: roleSchema,
    unitId: optionalId,
    password: passwordSchema,
    confirm: z.string(),
  })
  .superRefine(unitForManager)
  .superRefine(confirmMatches)
  .transform(({ confirm: _confirm, ...v }) => ({ ...v, unitId: v.role === 'manager' ? v.unitId : null }));

export const userUpdateSchema = z
  .object({ id: idField, displayName: optionalText(100), role: roleSchema, unitId: optionalId })
  .superRefine(unitForManager)
  .transform((v) => ({ ...v, unitId: v.role === 'manager' ? v.unitId : null }));

export const userActiveSchema = z.object({
  id: idField,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const passwordResetSchema = z
  .object({ id: idField, password: passwordSchema, confirm: z.string() })
  .superRefine(confirmMatches)
  .transform(({ id, password }) => ({ id, password }));

export const tokenCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'Cần đặt tên / name required').max(100, 'Tối đa 100 ký tự / at most 100 characters'),
    role: roleSchema,
    unitId: optionalId,
  })
  .superRefine(unitForManager)
  .transform((v) => ({ ...v, unitId: v.role === 'manager' ? v.unitId : null }));

export const tokenRevokeSchema = z.object({ id: idField });

/**
 * Would this change leave no active admin? The office must never lock itself out of the
 * browser (the CLI could recover, but only with shell access).
 */
export function removesLastAdmin(
  activeAdminIds: readonly number[],
  change: { id: number; role?: string; active?: boolean },
): boolean {
  if (!activeAdminIds.includes(change.id)) return false;
  const stillAdmin = (change.role === undefined || change.role === 'admin') && change.active !== false;
  return !stillAdmin && activeAdminIds.length <= 1;
}

import type { Db } from '@/db';
import type { AuditActor } from '@/db/queries/audit';
import { findUserById } from '@/db/queries/users';
import { fieldError } from '@/lib/admin/form';
import type { Principal } from '@/lib/auth/permissions';

/**
 * The audit log's "who": a user by username (as their login entries name them, so one filter
 * finds both), or a token by its label.
 */
export async function actorOf(db: Db, p: Principal): Promise<AuditActor> {
  if (p.kind !== 'user') return { userId: null, label: p.label };
  return { userId: p.id, label: (await findUserById(db, p.id))?.username ?? p.label };
}

// What a refused change says next to its field, Vietnamese first.
const REASONS: Record<string, string> = {
  not_found: 'Không tìm thấy (có thể đã bị xóa) / not found',
  duplicate: 'Mã này đã tồn tại / this code already exists',
  parent_missing: 'Đơn vị cha không tồn tại / parent unit not found',
  unit_missing: 'Đơn vị không tồn tại / unit not found',
  survey_missing: 'Phiếu khảo sát không tồn tại / no such survey',
  survey_unpublished: 'Phiếu chưa có phiên bản xuất bản / the survey has no published version',
  cycle:
    'Không thể chuyển đơn vị vào chính nó hoặc đơn vị con của nó / a unit cannot move under itself or its descendants',
  last_admin: 'Phải còn ít nhất một quản trị viên đang hoạt động / at least one active admin must remain',
};

export function refused(result: { field: string; reason: string }, input: Record<string, unknown>) {
  return fieldError(result.field, REASONS[result.reason] ?? result.reason, input);
}

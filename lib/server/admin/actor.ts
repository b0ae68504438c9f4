import type { AuditActor } from '@/db/queries/audit';
import { fieldError } from '@/lib/admin/form';
import type { Principal } from '@/lib/auth/permissions';

/** The audit log's "who": the signed-in user, or a token by name. */
export const actorOf = (p: Principal): AuditActor => ({ userId: p.kind === 'user' ? p.id : null, label: p.label });

// What a refused change says next to its field, Vietnamese first.
const REASONS: Record<string, string> = {
  not_found: 'Không tìm thấy (có thể đã bị xóa) / not found',
  duplicate: 'Mã này đã tồn tại / this code already exists',
  parent_missing: 'Đơn vị cha không tồn tại / parent unit not found',
  unit_missing: 'Đơn vị không tồn tại / unit not found',
  survey_missing: 'Phiếu khảo sát không tồn tại / no such survey',
  cycle: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị con của nó / a unit cannot move under itself or its descendants',
  last_admin: 'Phải còn ít nhất một quản trị viên đang hoạt động / at least one active admin must remain',
};

export function refused(result: { field: string; reason: string }, input: Record<string, unknown>) {
  return fieldError(result.field, REASONS[result.reason] ?? result.reason, input);
}

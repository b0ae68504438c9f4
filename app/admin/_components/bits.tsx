import { flattenTree } from '@/lib/admin/units';
import type { UnitRow } from '@/db/queries/units';

export function ActiveBadge({ active }: { active: boolean }) {
  return <span className={active ? 'badge badge--on' : 'badge badge--off'}>{active ? 'Hoạt động' : 'Ngừng'}</span>;
}

/** Units for a select, in tree order with their depth shown by dashes. */
export function unitOptions(units: readonly UnitRow[], empty?: string, exclude: ReadonlySet<number> = new Set()) {
  const options = flattenTree(units)
    .filter((u) => !exclude.has(u.id))
    .map((u) => ({
      value: String(u.id),
      label: `${'— '.repeat(u.depth)}${u.code} · ${u.name}${u.active ? '' : ' (ngừng)'}`,
    }));
  return empty === undefined ? options : [{ value: '', label: empty }, ...options];
}

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Quản trị (admin)',
  leader: 'Lãnh đạo (leader)',
  manager: 'Quản lý đơn vị (manager)',
  operator: 'Tổng đài viên (operator)',
};

export const roleOptions = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

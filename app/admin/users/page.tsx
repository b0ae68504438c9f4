import Link from 'next/link';

import { getDb } from '@/db';
import { listUnits } from '@/db/queries/units';
import { listUsers } from '@/db/queries/users';
import { formatLocalDateTime } from '@/lib/admin/format';
import { requirePage } from '@/server/guard';

import { createUserAction } from '../actions';
import { AdminForm } from '../_components/AdminForm';
import { ActiveBadge, ROLE_LABELS, roleOptions, unitOptions } from '../_components/bits';

export const metadata = { title: 'Tài khoản' };

export default async function UsersPage() {
  await requirePage('admin.manage', '/admin/users');
  const db = getDb();
  const users = await listUsers(db);
  const units = await listUnits(db);
  const unitCode = new Map(units.map((u) => [u.id, u.code]));
  return (
    <>
      <h1>Tài khoản</h1>
      <section className="card" aria-labelledby="list">
        <h2 id="list">Người dùng</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Tên đăng nhập</th>
              <th scope="col">Họ tên</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Đơn vị</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Đổi mật khẩu lần cuối</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td className="mono">
                  <Link href={`/admin/users/${u.id}`}>{u.username}</Link>
                </td>
                <td>{u.displayName ?? '—'}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.unitId === null ? '—' : unitCode.get(u.unitId)}</td>
                <td>
                  <ActiveBadge active={u.active} />
                  {u.lockedUntil !== null && u.lockedUntil > Date.now() && <span className="badge">Tạm khóa</span>}
                </td>
                <td>{formatLocalDateTime(u.passwordChangedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="new-user">
        <h2 id="new-user">Tạo tài khoản</h2>
        <AdminForm
          action={createUserAction}
          submitLabel="Tạo tài khoản"
          fields={[
            { name: 'username', label: 'Tên đăng nhập', required: true, hint: '3–40 ký tự a-z, 0-9, . _ -' },
            { name: 'displayName', label: 'Họ tên' },
            { name: 'role', label: 'Vai trò', type: 'select', options: roleOptions, defaultValue: 'leader' },
            {
              name: 'unitId',
              label: 'Đơn vị (bắt buộc với quản lý đơn vị)',
              type: 'select',
              options: unitOptions(units, '(Không)'),
            },
            {
              name: 'password',
              label: 'Mật khẩu',
              type: 'password',
              required: true,
              hint: 'Ít nhất 10 ký tự; nên dùng một cụm từ dễ nhớ.',
            },
            { name: 'confirm', label: 'Nhập lại mật khẩu', type: 'password', required: true },
          ]}
        />
      </section>
    </>
  );
}

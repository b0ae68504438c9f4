import Link from 'next/link';
import { notFound } from 'next/navigation';

import { getDb } from '@/db';
import { listUnits } from '@/db/queries/units';
import { findUserById } from '@/db/queries/users';
import { formatLocalDateTime } from '@/lib/admin/format';
import { requirePage } from '@/server/guard';

import { resetPasswordAction, setUserActiveAction, updateUserAction } from '../../actions';
import { ActiveSwitch } from '../../_components/ActiveSwitch';
import { AdminForm } from '../../_components/AdminForm';
import { ActiveBadge, roleOptions, unitOptions } from '../../_components/bits';

export const metadata = { title: 'Sửa tài khoản' };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePage('admin.manage', `/admin/users/${id}`);
  const db = getDb();
  const n = Number(id);
  const user = Number.isInteger(n) && n > 0 ? await findUserById(db, n) : null;
  if (!user) notFound();
  const hiddenId = { name: 'id', label: '', type: 'hidden' as const, defaultValue: String(user.id) };
  return (
    <>
      <p>
        <Link href="/admin/users">← Tài khoản</Link>
      </p>
      <h1>
        <span className="mono">{user.username}</span> <ActiveBadge active={user.active} />
      </h1>
      <p>
        Tạo lúc {formatLocalDateTime(user.createdAt)} · đổi mật khẩu lần cuối{' '}
        {formatLocalDateTime(user.passwordChangedAt)}
      </p>
      <div className="admin-grid">
        <section className="card" aria-labelledby="role">
          <h2 id="role">Vai trò và đơn vị</h2>
          <AdminForm
            action={updateUserAction}
            submitLabel="Lưu"
            fields={[
              hiddenId,
              { name: 'displayName', label: 'Họ tên', defaultValue: user.displayName ?? '' },
              { name: 'role', label: 'Vai trò', type: 'select', options: roleOptions, defaultValue: user.role },
              {
                name: 'unitId',
                label: 'Đơn vị (bắt buộc với quản lý đơn vị)',
                type: 'select',
                options: unitOptions(await listUnits(db), '(Không)'),
                defaultValue: user.unitId === null ? '' : String(user.unitId),
              },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="password">
          <h2 id="password">Đặt lại mật khẩu</h2>
          <p>Người dùng bị đăng xuất khỏi mọi thiết bị.</p>
          <AdminForm
            action={resetPasswordAction}
            submitLabel="Đặt lại mật khẩu"
            fields={[
              hiddenId,
              { name: 'password', label: 'Mật khẩu mới', type: 'password', required: true, hint: 'Ít nhất 10 ký tự.' },
              { name: 'confirm', label: 'Nhập lại mật khẩu mới', type: 'password', required: true },
            ]}
          />
        </section>
        <ActiveSwitch
          id={user.id}
          active={user.active}
          action={setUserActiveAction}
          title={{ active: 'Khóa tài khoản', inactive: 'Mở lại tài khoản' }}
          explain={{
            active: 'Khóa tài khoản sẽ đăng xuất người dùng khỏi mọi thiết bị ngay lập tức.',
            inactive: 'Tài khoản đang bị khóa.',
          }}
          offLabel="Khóa tài khoản"
          onLabel="Mở lại tài khoản"
        />
      </div>
    </>
  );
}

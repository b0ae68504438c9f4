import { notFound } from 'next/navigation';

import { getDb } from '@/db';
import { listActiveUnits } from '@/db/queries/catalog';
import { listOfficers } from '@/db/queries/officers';
import { listUsers } from '@/db/queries/users';
import { getConfig } from '@/lib/config';
import { requirePage } from '@/server/guard';

import { createOfficerAction, setOfficerActiveAction, updateOfficerAction } from '../actions';
import { AdminForm, type FieldSpec } from '../_components/AdminForm';

export const metadata = { title: 'Cán bộ' };

const PHOTO_HINT = 'Ảnh PNG, JPEG hoặc WebP nhỏ (tối đa 48 KiB), hiện trên máy tính bảng; không bắt buộc.';

/** Officers (OFFICER_RATINGS): the staff whom a kiosk's shift names. Disabling keeps their history. */
export default async function OfficersAdminPage() {
  await requirePage('admin.manage', '/admin/officers');
  if (!getConfig().OFFICER_RATINGS) notFound();
  const db = getDb();
  const [officers, units, users] = await Promise.all([
    listOfficers(db, { unitIds: null }),
    listActiveUnits(db),
    listUsers(db),
  ]);
  const unitOptions = units.map((u) => ({ value: String(u.id), label: `${u.code} · ${u.name}` }));
  const loginOptions = [
    { value: '', label: '— Không có tài khoản —' },
    ...users.filter((u) => u.role === 'officer').map((u) => ({ value: String(u.id), label: u.username })),
  ];
  const fields = (o?: (typeof officers)[number]): FieldSpec[] => [
    ...(o ? [{ name: 'id', label: '', type: 'hidden' as const, defaultValue: String(o.id) }] : []),
    { name: 'name', label: 'Họ và tên', required: true, defaultValue: o?.name },
    { name: 'title', label: 'Chức danh (không bắt buộc)', defaultValue: o?.title ?? undefined },
    {
      name: 'unitId',
      label: 'Đơn vị',
      type: 'select',
      required: true,
      options: unitOptions,
      defaultValue: o ? String(o.unitId) : undefined,
    },
    {
      name: 'userId',
      label: 'Tài khoản đăng nhập (vai trò officer, để cán bộ xem đánh giá của mình)',
      type: 'select',
      options: loginOptions,
      defaultValue: o?.userId ? String(o.userId) : '',
    },
    { name: 'photo', label: 'Ảnh', type: 'file', accept: 'image/png,image/jpeg,image/webp', hint: PHOTO_HINT },
  ];

  return (
    <>
      <h1>Cán bộ tiếp nhận</h1>
      <p>
        Cán bộ được chọn trên máy tính bảng của quầy (bảng dành cho cán bộ, mã PIN) khi bắt đầu làm việc; các đánh giá
        tại quầy trong ca được ghi nhận cho cán bộ đó. Ngừng một cán bộ không xoá các đánh giá cũ.
      </p>
      <section className="card" aria-labelledby="list">
        <h2 id="list">Danh sách</h2>
        {officers.length === 0 ? (
          <p>Chưa có cán bộ nào.</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Cán bộ</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {officers.map((o) => (
                <tr key={o.id}>
                  <td>
                    <details>
                      <summary>
                        #{o.id} {o.name}
                        {o.title ? ` · ${o.title}` : ''}
                      </summary>
                      <AdminForm action={updateOfficerAction} submitLabel={`Lưu #${o.id}`} fields={fields(o)} />
                    </details>
                  </td>
                  <td>{o.unitCode}</td>
                  <td>
                    <span className={`badge badge--${o.active ? 'on' : 'off'}`}>
                      {o.active ? 'Đang làm việc' : 'Đã ngừng'}
                    </span>
                  </td>
                  <td>
                    <AdminForm
                      action={setOfficerActiveAction}
                      inline
                      variant={o.active ? 'danger' : 'ghost'}
                      submitLabel={o.active ? `Ngừng #${o.id}` : `Mở lại #${o.id}`}
                      fields={[
                        { name: 'id', label: '', type: 'hidden', defaultValue: String(o.id) },
                        { name: 'active', label: '', type: 'hidden', defaultValue: String(!o.active) },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="new-officer">
        <h2 id="new-officer">Thêm cán bộ</h2>
        <AdminForm action={createOfficerAction} submitLabel="Thêm cán bộ" fields={fields()} />
      </section>
    </>
  );
}

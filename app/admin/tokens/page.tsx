import { getDb } from '@/db';
import { listApiTokens } from '@/db/queries/api-tokens';
import { listUnits } from '@/db/queries/units';
import { formatLocalDateTime } from '@/lib/admin/format';
import { requirePage } from '@/server/guard';

import { createTokenAction, revokeTokenAction } from '../actions';
import { AdminForm } from '../_components/AdminForm';
import { ROLE_LABELS, roleOptions, unitOptions } from '../_components/bits';

export const metadata = { title: 'Khóa API' };

export default async function TokensPage() {
  await requirePage('admin.manage', '/admin/tokens');
  const db = getDb();
  const tokens = await listApiTokens(db);
  const units = await listUnits(db);
  const unitCode = new Map(units.map((u) => [u.id, u.code]));
  return (
    <>
      <h1>Khóa API</h1>
      <p>
        Dùng cho hệ thống khác đọc chỉ số (<code>GET /api/indices</code>) và xuất dữ liệu, gửi kèm{' '}
        <code>Authorization: Bearer &lt;khóa&gt;</code>. Hệ thống chỉ lưu bản băm: khóa chỉ hiện một lần khi tạo.
      </p>
      <section className="card" aria-labelledby="list">
        <h2 id="list">Các khóa</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Tên</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Đơn vị</th>
              <th scope="col">Tạo lúc</th>
              <th scope="col">Dùng lần cuối</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{ROLE_LABELS[t.role]}</td>
                <td>{t.unitId === null ? '—' : unitCode.get(t.unitId)}</td>
                <td>{formatLocalDateTime(t.createdAt)}</td>
                <td>{t.lastUsedAt === null ? 'chưa dùng' : formatLocalDateTime(t.lastUsedAt)}</td>
                <td>
                  {t.revokedAt !== null ? (
                    <span className="badge badge--off">Thu hồi {formatLocalDateTime(t.revokedAt)}</span>
                  ) : (
                    <AdminForm
                      action={revokeTokenAction}
                      inline
                      variant="danger"
                      submitLabel={`Thu hồi “${t.name}”`}
                      fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(t.id) }]}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {tokens.length === 0 && <p>Chưa có khóa nào.</p>}
      </section>
      <section className="card" aria-labelledby="new-token">
        <h2 id="new-token">Tạo khóa</h2>
        <AdminForm
          action={createTokenAction}
          submitLabel="Tạo khóa"
          fields={[
            {
              name: 'name',
              label: 'Tên (hệ thống sẽ dùng khóa)',
              required: true,
              hint: 'Ví dụ: Cổng dịch vụ công tỉnh',
            },
            { name: 'role', label: 'Vai trò', type: 'select', options: roleOptions, defaultValue: 'leader' },
            {
              name: 'unitId',
              label: 'Đơn vị (bắt buộc với quản lý đơn vị)',
              type: 'select',
              options: unitOptions(units, '(Không)'),
            },
          ]}
        />
      </section>
    </>
  );
}

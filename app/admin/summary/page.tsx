import { getDb } from '@/db';
import { listSummaryRecipients } from '@/db/queries/summary';
import { listUnits } from '@/db/queries/units';
import { getConfig } from '@/lib/config';
import { requirePage } from '@/server/guard';

import { addSummaryRecipientAction, removeSummaryRecipientAction } from '../actions';
import { AdminForm } from '../_components/AdminForm';
import { unitOptions } from '../_components/bits';

export const metadata = { title: 'Thư tóm tắt' };

export default async function SummaryPage() {
  await requirePage('admin.manage', '/admin/summary');
  const db = getDb();
  const [recipients, units] = await Promise.all([listSummaryRecipients(db), listUnits(db)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return (
    <>
      <h1>Thư tóm tắt hằng tháng, hằng quý</h1>
      <p>
        Khi một tháng hoặc một quý kết thúc, mỗi người nhận được một thư: chỉ số hài lòng và nhận định, các tiêu chí cần
        cải thiện trước, phản ánh quá hạn và đường dẫn đến bảng điều khiển, báo cáo. Người nhận của một đơn vị (trưởng
        phòng) chỉ nhận số liệu của đơn vị đó và các đơn vị trực thuộc.
      </p>
      {!getConfig().SMTP_URL && (
        <p className="badge badge--warn">
          Chưa cấu hình máy chủ thư (SMTP_URL): thư chưa được gửi. / SMTP_URL is not set: nothing is sent.
        </p>
      )}
      <section className="card" aria-labelledby="list">
        <h2 id="list">Người nhận</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">E-mail</th>
              <th scope="col">Phạm vi</th>
              <th scope="col">Kỳ</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {recipients.map((r) => (
              <tr key={r.id}>
                <td>{r.email}</td>
                <td>{r.unitId === null ? 'Toàn Sở' : unitName.get(r.unitId)}</td>
                <td>{[r.monthly && 'Hằng tháng', r.quarterly && 'Hằng quý'].filter(Boolean).join(', ')}</td>
                <td>
                  <AdminForm
                    action={removeSummaryRecipientAction}
                    inline
                    variant="danger"
                    submitLabel={`Ngừng gửi cho ${r.email}`}
                    fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(r.id) }]}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {recipients.length === 0 && <p>Chưa có người nhận.</p>}
      </section>
      <section className="card" aria-labelledby="new-recipient">
        <h2 id="new-recipient">Thêm người nhận</h2>
        <AdminForm
          action={addSummaryRecipientAction}
          submitLabel="Thêm"
          fields={[
            { name: 'email', label: 'E-mail', required: true, autoComplete: 'off' },
            {
              name: 'unitId',
              label: 'Đơn vị (để trống: toàn Sở)',
              type: 'select',
              options: unitOptions(units, '(Toàn Sở)'),
            },
            { name: 'monthly', label: 'Hằng tháng', type: 'checkbox', defaultChecked: true },
            { name: 'quarterly', label: 'Hằng quý', type: 'checkbox', defaultChecked: true },
          ]}
        />
      </section>
    </>
  );
}

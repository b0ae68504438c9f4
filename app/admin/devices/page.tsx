import { getDb } from '@/db';
import { listDevices } from '@/db/queries/devices';
import { listActivePoints } from '@/db/queries/points';
import { formatLocalDateTime } from '@/lib/admin/format';
import { requirePage } from '@/server/guard';

import { createDeviceAction, relinkDeviceAction, renameDeviceAction, revokeDeviceAction } from '../actions';
import { AdminForm } from '../_components/AdminForm';

export const metadata = { title: 'Máy tính bảng' };

// A tablet that has not called in for this long is shown as silent: it is off, offline or stuck.
const SILENT_MS = 10 * 60_000;

export default async function DevicesPage() {
  await requirePage('admin.manage', '/admin/devices');
  const db = getDb();
  const devices = await listDevices(db);
  const points = await listActivePoints(db);
  const now = Date.now();
  const state = (d: (typeof devices)[number]) =>
    d.revokedAt !== null
      ? { label: `Đã thu hồi ${formatLocalDateTime(d.revokedAt)}`, tone: 'off' }
      : d.pairedAt === null
        ? d.pairingExpiresAt !== null && d.pairingExpiresAt > now
          ? { label: 'Chờ kết nối', tone: 'warn' }
          : { label: 'Liên kết hết hạn', tone: 'off' }
        : d.lastSeenAt === null || now - d.lastSeenAt > SILENT_MS
          ? { label: 'Mất liên lạc', tone: 'bad' }
          : { label: 'Đang hoạt động', tone: 'on' };

  return (
    <>
      <h1>Máy tính bảng tại quầy</h1>
      <p>
        Mỗi máy được kết nối một lần bằng liên kết (hoặc mã QR) có hạn 24 giờ. Máy gửi tín hiệu mỗi phút kèm số đánh giá
        đang chờ gửi; máy im lặng quá 10 phút được đánh dấu “mất liên lạc”.
      </p>
      <section className="card" aria-labelledby="list">
        <h2 id="list">Các máy</h2>
        {devices.length === 0 ? (
          <p>Chưa có máy nào.</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Máy</th>
                <th scope="col">Quầy</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Liên lạc cuối</th>
                <th scope="col">Chờ gửi</th>
                <th scope="col">Phiên bản · lỗi gần nhất</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => {
                const s = state(d);
                return (
                  <tr key={d.id}>
                    <td>
                      #{d.id}
                      <AdminForm
                        action={renameDeviceAction}
                        inline
                        submitLabel="Đổi tên"
                        fields={[
                          { name: 'id', label: '', type: 'hidden', defaultValue: String(d.id) },
                          { name: 'name', label: `Tên máy #${d.id}`, required: true, defaultValue: d.name },
                        ]}
                      />
                    </td>
                    <td>
                      {d.pointCode} · {d.pointName}
                    </td>
                    <td>
                      <span className={`badge badge--${s.tone}`}>{s.label}</span>
                    </td>
                    <td>{d.lastSeenAt === null ? 'chưa có' : formatLocalDateTime(d.lastSeenAt)}</td>
                    <td>{d.queueLength ?? '—'}</td>
                    <td>
                      {d.appVersion ?? '—'}
                      {d.lastError && <div className="muted">{d.lastError}</div>}
                    </td>
                    <td>
                      {d.revokedAt === null && (
                        <>
                          <AdminForm
                            action={relinkDeviceAction}
                            inline
                            submitLabel="Liên kết mới"
                            fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(d.id) }]}
                          />
                          <AdminForm
                            action={revokeDeviceAction}
                            inline
                            variant="danger"
                            submitLabel={`Thu hồi #${d.id}`}
                            fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(d.id) }]}
                          />
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="new-device">
        <h2 id="new-device">Thêm máy</h2>
        <AdminForm
          action={createDeviceAction}
          submitLabel="Tạo máy và liên kết kết nối"
          fields={[
            {
              name: 'pointCode',
              label: 'Quầy',
              type: 'select',
              required: true,
              options: points.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` })),
            },
            { name: 'name', label: 'Tên máy (không bắt buộc)', hint: 'Ví dụ: Máy tính bảng quầy 1' },
            { name: 'pin', label: 'Mã PIN nhân viên (4–8 chữ số; để trống để hệ thống tạo)' },
          ]}
        />
      </section>
    </>
  );
}

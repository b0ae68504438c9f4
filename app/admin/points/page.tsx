import Link from 'next/link';

import { getDb } from '@/db';
import { listPoints } from '@/db/queries/points';
import { listSurveysWithVersions } from '@/db/queries/surveys';
import { listUnits } from '@/db/queries/units';
import { requirePage } from '@/server/guard';

import { createPointAction } from '../actions';
import { AdminForm } from '../_components/AdminForm';
import { ActiveBadge } from '../_components/bits';
import { pointFields } from '../_components/pointFields';

export const metadata = { title: 'Quầy tiếp nhận' };

export default async function PointsPage() {
  await requirePage('admin.manage', '/admin/points');
  const db = getDb();
  const [points, units, surveys] = [await listPoints(db), await listUnits(db), await listSurveysWithVersions(db)];
  const published = new Map(surveys.map((s) => [s.slug, s.publishedVersion]));
  const survey = (slug: string) => `${slug} v${published.get(slug) ?? '?'}`;
  return (
    <>
      <h1>Quầy tiếp nhận</h1>
      <section className="card" aria-labelledby="list">
        <h2 id="list">Danh sách quầy</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Mã</th>
              <th scope="col">Tên quầy</th>
              <th scope="col">Đơn vị</th>
              <th scope="col">Phiếu QR</th>
              <th scope="col">Phiếu máy tính bảng</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">QR / áp phích</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.id}>
                <td className="mono">
                  <Link href={`/admin/points/${encodeURIComponent(p.code)}`}>{p.code}</Link>
                </td>
                <td>{p.name}</td>
                <td>{p.unit.code}</td>
                <td className="mono">{survey(p.phoneSurvey)}</td>
                <td className="mono">{survey(p.kioskSurvey)}</td>
                <td>
                  <ActiveBadge active={p.active} />
                </td>
                <td>
                  <a href={`/api/qr/${encodeURIComponent(p.code)}.svg`} aria-label={`Mã QR quầy ${p.code}`}>
                    QR
                  </a>{' '}
                  · {/* A print page: a plain link, not prefetched with every row. */}
                  <a href={`/admin/points/${encodeURIComponent(p.code)}/poster`} aria-label={`Áp phích quầy ${p.code}`}>
                    Áp phích
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="new-point">
        <h2 id="new-point">Thêm quầy</h2>
        <AdminForm action={createPointAction} submitLabel="Thêm quầy" fields={pointFields(units, surveys)} />
      </section>
    </>
  );
}

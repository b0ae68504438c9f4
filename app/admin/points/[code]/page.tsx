import Link from 'next/link';
import { notFound } from 'next/navigation';

import { getDb } from '@/db';
import { findPointForAdmin } from '@/db/queries/points';
import { listPointProcedures } from '@/db/queries/procedures';
import { listSurveysWithVersions } from '@/db/queries/surveys';
import { listUnits } from '@/db/queries/units';
import { requirePage } from '@/server/guard';
import { safeDecode } from '@/lib/http/decode';

import { setPointProceduresAction, updatePointAction } from '../../actions';
import { AdminForm } from '../../_components/AdminForm';
import { ActiveBadge } from '../../_components/bits';
import { pointFields } from '../../_components/pointFields';

export const metadata = { title: 'Sửa quầy' };

export default async function PointPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requirePage('admin.manage', `/admin/points/${code}`);
  const db = getDb();
  const point = await findPointForAdmin(db, { code: safeDecode(code) ?? '' });
  if (!point) notFound();
  const enc = encodeURIComponent(point.code);
  const procedures = await listPointProcedures(db, { pointId: point.id });
  return (
    <>
      <p>
        <Link href="/admin/points">← Quầy</Link>
      </p>
      <h1>
        {point.name} <span className="mono">({point.code})</span> <ActiveBadge active={point.active} />
      </h1>
      <div className="admin-grid">
        <section className="card" aria-labelledby="edit">
          <h2 id="edit">Thông tin quầy</h2>
          <AdminForm
            action={updatePointAction}
            submitLabel="Lưu quầy"
            fields={pointFields(await listUnits(db), await listSurveysWithVersions(db), point)}
          />
        </section>
        <section className="card" aria-labelledby="qr">
          <h2 id="qr">Mã QR và áp phích</h2>
          <div className="action-row">
            <img
              className="qr-thumb"
              src={`/api/qr/${enc}.svg`}
              alt={`Mã QR của quầy ${point.code}`}
              width={96}
              height={96}
            />
            <ul>
              <li>
                <a href={`/api/qr/${enc}.svg`}>Tải mã QR (SVG)</a>
              </li>
              <li>
                <a href={`/admin/points/${enc}/poster`}>In áp phích</a>
              </li>
              <li>
                <Link href={`/s/${enc}`}>Mở trang đánh giá của quầy</Link>
              </li>
              <li>
                <Link href={`/thu-tuc?point=${enc}`}>Danh sách thủ tục của quầy (trang công khai)</Link>
              </li>
            </ul>
          </div>
        </section>
      </div>
      <section className="card" aria-labelledby="point-procedures">
        <h2 id="point-procedures">Thủ tục tiếp nhận tại quầy ({procedures.length})</h2>
        {procedures.length === 0 ? (
          <p>Quầy chưa có thủ tục nào: người dân không chọn được thủ tục khi đánh giá tại quầy này.</p>
        ) : (
          <ul>
            {procedures.map((p) => (
              <li key={p.code}>
                <Link className="mono" href={`/admin/procedures/${encodeURIComponent(p.code)}`}>
                  {p.code}
                </Link>{' '}
                {p.name}
              </li>
            ))}
          </ul>
        )}
        <AdminForm
          action={setPointProceduresAction}
          submitLabel="Lưu danh sách thủ tục"
          fields={[
            { name: 'point', label: '', type: 'hidden', defaultValue: point.code },
            {
              name: 'codes',
              label: 'Mã thủ tục của quầy',
              type: 'textarea',
              rows: 4,
              defaultValue: procedures.map((p) => p.code).join(', '),
              hint: 'Các mã trong danh mục đang áp dụng, cách nhau bởi dấu phẩy hoặc xuống dòng. Danh sách này thay cho danh sách cũ.',
            },
          ]}
        />
      </section>
    </>
  );
}

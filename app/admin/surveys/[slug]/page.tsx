import Link from 'next/link';
import { notFound } from 'next/navigation';

import { getDb } from '@/db';
import { listPoints } from '@/db/queries/points';
import { listSurveysWithVersions } from '@/db/queries/surveys';
import { formatLocalDateTime } from '@/lib/admin/format';
import { requirePage } from '@/server/guard';

import { publishSurveyAction } from '../../actions';
import { AdminForm } from '../../_components/AdminForm';

export const metadata = { title: 'Phiên bản phiếu' };

export default async function SurveyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requirePage('admin.manage', `/admin/surveys/${slug}`);
  const db = getDb();
  const survey = (await listSurveysWithVersions(db)).find((s) => s.slug === slug);
  if (!survey) notFound();
  const desks = (await listPoints(db)).filter((p) => p.phoneSurvey === slug || p.kioskSurvey === slug);
  return (
    <>
      <p>
        <Link href="/admin/surveys">← Phiếu khảo sát</Link>
      </p>
      <h1>
        Phiếu <span className="mono">{slug}</span>
      </h1>
      <section className="card" aria-labelledby="versions">
        <h2 id="versions">Phiên bản</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Phiên bản</th>
              <th scope="col">Tiêu đề</th>
              <th scope="col">Tạo lúc</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {survey.versions.map((v) => (
              <tr key={v.version}>
                <td>v{v.version}</td>
                <td>{v.title}</td>
                <td>{formatLocalDateTime(v.createdAt)}</td>
                <td>
                  {v.version === survey.publishedVersion ? <span className="badge badge--on">Đang dùng</span> : '—'}
                </td>
                <td>
                  <div className="action-row">
                    <Link href={`/admin/surveys/${slug}/${v.version}`} aria-label={`Xem thử phiên bản ${v.version}`}>
                      Xem thử
                    </Link>
                    {v.version !== survey.publishedVersion && (
                      <AdminForm
                        action={publishSurveyAction}
                        inline
                        variant="ghost"
                        submitLabel={`Xuất bản v${v.version}`}
                        fields={[
                          { name: 'slug', label: '', type: 'hidden', defaultValue: slug },
                          { name: 'version', label: '', type: 'hidden', defaultValue: String(v.version) },
                        ]}
                      />
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="desks">
        <h2 id="desks">Quầy đang dùng phiếu này (v{survey.publishedVersion ?? '—'})</h2>
        {desks.length === 0 ? (
          <p>Không quầy nào.</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Quầy</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Dùng cho</th>
              </tr>
            </thead>
            <tbody>
              {desks.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link href={`/admin/points/${encodeURIComponent(d.code)}`}>{d.code}</Link> · {d.name}
                  </td>
                  <td>{d.unit.code}</td>
                  <td>
                    {[d.phoneSurvey === slug && 'QR', d.kioskSurvey === slug && 'máy tính bảng']
                      .filter(Boolean)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

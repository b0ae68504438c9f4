import Link from 'next/link';

import { getDb } from '@/db';
import { listPoints } from '@/db/queries/points';
import { listSurveysWithVersions } from '@/db/queries/surveys';
import { requirePage } from '@/server/guard';

import { uploadSurveyAction } from '../actions';
import { AdminForm } from '../_components/AdminForm';

export const metadata = { title: 'Phiếu khảo sát' };

export default async function SurveysPage() {
  await requirePage('admin.manage', '/admin/surveys');
  const db = getDb();
  const surveys = await listSurveysWithVersions(db);
  const points = await listPoints(db);
  return (
    <>
      <h1>Phiếu khảo sát</h1>
      <section className="card" aria-labelledby="list">
        <h2 id="list">Các phiếu</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Mã phiếu</th>
              <th scope="col">Tiêu đề (phiên bản đang dùng)</th>
              <th scope="col">Đang dùng</th>
              <th scope="col">Số phiên bản</th>
              <th scope="col">Quầy dùng (QR / máy tính bảng)</th>
            </tr>
          </thead>
          <tbody>
            {surveys.map((s) => {
              const live = s.versions.find((v) => v.version === s.publishedVersion);
              const phone = points.filter((p) => p.phoneSurvey === s.slug).length;
              const kiosk = points.filter((p) => p.kioskSurvey === s.slug).length;
              return (
                <tr key={s.id}>
                  <td className="mono">
                    <Link href={`/admin/surveys/${s.slug}`}>{s.slug}</Link>
                  </td>
                  <td>{live?.title ?? '—'}</td>
                  <td>{s.publishedVersion ? `v${s.publishedVersion}` : 'chưa xuất bản'}</td>
                  <td>{s.versions.length}</td>
                  <td>
                    {phone} / {kiosk}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="upload">
        <h2 id="upload">Tải lên phiếu (SurveyJS JSON)</h2>
        <p>
          Mỗi lần tải lên tạo một phiên bản mới, không sửa phiên bản cũ: các câu trả lời đã nhận luôn gắn với đúng phiếu
          đã hỏi. Phiếu được kiểm tra trước khi lưu; lỗi hiện kèm vị trí trong JSON (ví dụ{' '}
          <code>pages[0].elements[2].rateMax</code>).
        </p>
        <AdminForm
          action={uploadSurveyAction}
          submitLabel="Kiểm tra và lưu"
          fields={[
            {
              name: 'slug',
              label: 'Mã phiếu',
              required: true,
              hint: 'Phiếu có sẵn (quick, sipas) hoặc mã mới: a-z, 0-9, -',
            },
            { name: 'file', label: 'Tệp JSON', type: 'file', accept: '.json,application/json' },
            { name: 'definition', label: 'Hoặc dán JSON', type: 'textarea', rows: 8 },
            { name: 'publish', label: 'Xuất bản ngay (người dân nhận phiên bản này)', type: 'checkbox' },
          ]}
        />
      </section>
    </>
  );
}

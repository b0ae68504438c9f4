import Link from 'next/link';
import { notFound } from 'next/navigation';

import { getDb } from '@/db';
import { listProcedureVersions } from '@/db/queries/procedure-versions';
import { findProcedureEntry } from '@/db/queries/procedures';
import { formatDay } from '@/lib/dashboard/format';
import { procedureMessages } from '@/lib/procedures/messages';
import { IllustrativeNote, ProcedureFacts } from '@/app/_components/procedures/ProcedureFacts';
import { requirePage } from '@/server/guard';
import { safeDecode } from '@/lib/http/decode';

import { updateProcedureAction } from '../../actions';
import { AdminForm } from '../../_components/AdminForm';
import { ActiveBadge } from '../../_components/bits';

export const metadata = { title: 'Sửa thủ tục' };

export default async function ProcedurePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requirePage('admin.manage', `/admin/procedures/${code}`);
  const p = await findProcedureEntry(getDb(), { code: safeDecode(code) ?? '' });
  if (!p) notFound();
  const versions = await listProcedureVersions(getDb(), { procedureId: p.id });
  const t = procedureMessages.vi;
  return (
    <>
      <p>
        <Link href="/admin/procedures">← Thủ tục</Link>
      </p>
      <h1>
        <span className="mono">{p.code}</span> <ActiveBadge active={p.active} />
      </h1>
      <section className="card" aria-labelledby="edit">
        <h2 id="edit">Thông tin thủ tục</h2>
        <AdminForm
          action={updateProcedureAction}
          submitLabel="Lưu thủ tục"
          fields={[
            { name: 'id', label: '', type: 'hidden', defaultValue: String(p.id) },
            { name: 'name', label: 'Tên thủ tục', required: true, defaultValue: p.name, type: 'textarea', rows: 3 },
            { name: 'sector', label: 'Lĩnh vực', defaultValue: p.sector ?? '' },
            { name: 'level', label: 'Cấp thực hiện', defaultValue: p.level ?? '' },
            {
              name: 'active',
              label: 'Còn áp dụng (hiện cho người dân chọn)',
              type: 'checkbox',
              defaultChecked: p.active,
            },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="versions">
        <h2 id="versions">Các phiên bản ({versions.length})</h2>
        <p>
          Nội dung chi tiết được cập nhật bằng cách nhập danh mục (CSV/Excel); mỗi thay đổi là một phiên bản mới, phiên
          bản cũ được giữ lại. <Link href={`/thu-tuc/${encodeURIComponent(p.code)}`}>Xem trang công khai</Link>
        </p>
        {versions.map((v, i) => (
          <details key={v.version} open={i === 0}>
            <summary>
              Phiên bản {v.version}, áp dụng từ {formatDay(v.effectiveFrom)}
              {v.illustrative && <span className="procedure-illustrative__badge"> · {t.illustrative}</span>}
            </summary>
            {v.illustrative && <IllustrativeNote t={t} />}
            <ProcedureFacts record={v.record} t={t} headingLevel={3} />
            {v.record.onlineUrl && (
              <p>
                {t.online}: <a href={v.record.onlineUrl}>{v.record.onlineUrl}</a>
              </p>
            )}
          </details>
        ))}
      </section>
    </>
  );
}

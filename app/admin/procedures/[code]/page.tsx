import Link from 'next/link';
import { notFound } from 'next/navigation';

import { getDb } from '@/db';
import { findProcedureRecord } from '@/db/queries/procedures';
import { requirePage } from '@/server/guard';
import { safeDecode } from '@/lib/http/decode';

import { updateProcedureAction } from '../../actions';
import { AdminForm } from '../../_components/AdminForm';
import { ActiveBadge } from '../../_components/bits';

export const metadata = { title: 'Sửa thủ tục' };

export default async function ProcedurePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requirePage('admin.manage', `/admin/procedures/${code}`);
  const p = await findProcedureRecord(getDb(), { code: safeDecode(code) ?? '' });
  if (!p) notFound();
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
            { name: 'active', label: 'Còn áp dụng (hiện cho người dân chọn)', type: 'checkbox', defaultChecked: p.active },
          ]}
        />
      </section>
    </>
  );
}

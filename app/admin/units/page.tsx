import Link from 'next/link';

import { getDb } from '@/db';
import { listPoints } from '@/db/queries/points';
import { listUnits } from '@/db/queries/units';
import { flattenTree } from '@/lib/admin/units';
import { requirePage } from '@/server/guard';

import { createUnitAction } from '../actions';
import { AdminForm } from '../_components/AdminForm';
import { ActiveBadge, unitOptions } from '../_components/bits';

export const metadata = { title: 'Đơn vị' };

export default async function UnitsPage() {
  await requirePage('admin.manage', '/admin/units');
  const db = getDb();
  const units = await listUnits(db);
  const desks = new Map<number, number>();
  for (const p of await listPoints(db)) desks.set(p.unitId, (desks.get(p.unitId) ?? 0) + 1);
  return (
    <>
      <h1>Đơn vị</h1>
      <div className="admin-grid">
        <section className="card" aria-labelledby="tree">
          <h2 id="tree">Cây đơn vị</h2>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                <th scope="col">Mã</th>
                <th scope="col">Số quầy</th>
                <th scope="col">Trạng thái</th>
              </tr>
            </thead>
            <tbody>
              {flattenTree(units).map((u) => (
                <tr key={u.id}>
                  <td style={{ paddingLeft: `${0.5 + u.depth * 1.5}rem` }}>
                    <Link href={`/admin/units/${encodeURIComponent(u.code)}`}>{u.name}</Link>
                  </td>
                  <td className="mono">{u.code}</td>
                  <td>{desks.get(u.id) ?? 0}</td>
                  <td>
                    <ActiveBadge active={u.active} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="new-unit">
          <h2 id="new-unit">Thêm đơn vị</h2>
          <AdminForm
            action={createUnitAction}
            submitLabel="Thêm đơn vị"
            fields={[
              { name: 'code', label: 'Mã đơn vị', required: true, hint: 'Ví dụ: SXD-QLXD (chữ in hoa, số, dấu -)' },
              { name: 'name', label: 'Tên đơn vị', required: true },
              { name: 'nameEn', label: 'Tên tiếng Anh (không bắt buộc)' },
              {
                name: 'parentId',
                label: 'Thuộc đơn vị',
                type: 'select',
                options: unitOptions(units, '(Cấp cao nhất)'),
              },
            ]}
          />
        </section>
      </div>
    </>
  );
}

import Link from 'next/link';
import { notFound } from 'next/navigation';

import { getDb } from '@/db';
import { listPoints } from '@/db/queries/points';
import { findUnitByCode, listUnits, unitSubtreeIds } from '@/db/queries/units';
import { requirePage } from '@/server/guard';
import { safeDecode } from '@/lib/http/decode';

import { moveUnitAction, renameUnitAction, setUnitActiveAction } from '../../actions';
import { ActiveSwitch } from '../../_components/ActiveSwitch';
import { AdminForm } from '../../_components/AdminForm';
import { ActiveBadge, unitOptions } from '../../_components/bits';

export const metadata = { title: 'Sửa đơn vị' };

export default async function UnitPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requirePage('admin.manage', `/admin/units/${code}`);
  const db = getDb();
  const unit = await findUnitByCode(db, safeDecode(code) ?? '');
  if (!unit) notFound();
  const units = await listUnits(db);
  const parent = units.find((u) => u.id === unit.parentId);
  const desks = (await listPoints(db)).filter((p) => p.unitId === unit.id);
  const id = { name: 'id', label: '', type: 'hidden' as const, defaultValue: String(unit.id) };
  return (
    <>
      <p>
        <Link href="/admin/units">← Đơn vị</Link>
      </p>
      <h1>
        {unit.name} <span className="mono">({unit.code})</span> <ActiveBadge active={unit.active} />
      </h1>
      <p>
        Thuộc: {parent ? `${parent.code} · ${parent.name}` : '(cấp cao nhất)'} ·{' '}
        <a href={`/admin/units/${encodeURIComponent(unit.code)}/posters`}>In áp phích QR của các quầy</a>
      </p>
      <div className="admin-grid">
        <section className="card" aria-labelledby="rename">
          <h2 id="rename">Đổi tên</h2>
          <AdminForm
            action={renameUnitAction}
            submitLabel="Lưu tên"
            fields={[
              id,
              { name: 'name', label: 'Tên đơn vị', required: true, defaultValue: unit.name },
              { name: 'nameEn', label: 'Tên tiếng Anh', defaultValue: unit.nameEn ?? '' },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="move">
          <h2 id="move">Chuyển sang đơn vị khác</h2>
          <AdminForm
            action={moveUnitAction}
            submitLabel="Chuyển"
            fields={[
              id,
              {
                name: 'parentId',
                label: 'Đơn vị cha mới',
                type: 'select',
                hint: 'Không thể chọn chính đơn vị này hoặc đơn vị con của nó.',
                defaultValue: unit.parentId === null ? '' : String(unit.parentId),
                options: unitOptions(units, '(Cấp cao nhất)', await unitSubtreeIds(db, unit.id)),
              },
            ]}
          />
        </section>
        <ActiveSwitch
          id={unit.id}
          active={unit.active}
          action={setUnitActiveAction}
          title={{ active: 'Trạng thái', inactive: 'Trạng thái' }}
          explain={{
            active: 'Đơn vị ngừng hoạt động sẽ không hiện cho người dân; dữ liệu cũ được giữ nguyên.',
            inactive: 'Đơn vị đang ngừng hoạt động.',
          }}
          offLabel="Ngừng hoạt động"
          onLabel="Kích hoạt lại"
        />
      </div>
      <section className="card" aria-labelledby="desks">
        <h2 id="desks">Quầy của đơn vị</h2>
        {desks.length === 0 ? (
          <p>Chưa có quầy nào.</p>
        ) : (
          <ul>
            {desks.map((d) => (
              <li key={d.id}>
                <Link href={`/admin/points/${encodeURIComponent(d.code)}`}>{d.code}</Link> · {d.name}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

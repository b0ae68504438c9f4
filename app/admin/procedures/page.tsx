import Link from 'next/link';

import { getDb } from '@/db';
import { searchProcedures } from '@/db/queries/procedures';
import { pageInfo } from '@/lib/admin/format';
import { procedureSearchSchema } from '@/lib/admin/procedures';
import { requirePage } from '@/server/guard';

import { createProcedureAction, importProceduresAction } from '../actions';
import { AdminForm } from '../_components/AdminForm';
import { ActiveBadge } from '../_components/bits';

export const metadata = { title: 'Thủ tục hành chính' };

const PAGE_SIZE = 25;

export default async function ProceduresPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage('admin.manage', '/admin/procedures');
  const { q, page } = procedureSearchSchema.parse(await searchParams);
  const { rows, total } = await searchProcedures(getDb(), { q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const info = pageInfo(total, page, PAGE_SIZE);
  const href = (p: number) => `/admin/procedures?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <h1>Thủ tục hành chính</h1>
      <section className="card" aria-labelledby="catalogue">
        <h2 id="catalogue">Danh mục ({total})</h2>
        <form className="search-form" role="search" action="/admin/procedures">
          <div className="field">
            <label htmlFor="q">Tìm theo mã hoặc tên</label>
            <input id="q" name="q" type="search" defaultValue={q} />
          </div>
          <button className="button" type="submit">
            Tìm
          </button>
        </form>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Mã</th>
              <th scope="col">Tên thủ tục</th>
              <th scope="col">Lĩnh vực</th>
              <th scope="col">Cấp</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td className="mono">
                  <Link href={`/admin/procedures/${encodeURIComponent(p.code)}`}>{p.code}</Link>
                </td>
                <td>{p.name}</td>
                <td>{p.sector ?? '—'}</td>
                <td>{p.level ?? '—'}</td>
                <td>
                  <ActiveBadge active={p.active} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p>Không có thủ tục nào khớp.</p>}
        <nav className="pager" aria-label="Trang">
          {info.hasPrev && <Link href={href(info.page - 1)}>← Trang trước</Link>}
          <span>
            Trang {info.page}/{info.pages}
          </span>
          {info.hasNext && <Link href={href(info.page + 1)}>Trang sau →</Link>}
        </nav>
      </section>
      <div className="admin-grid">
        <section className="card" aria-labelledby="import">
          <h2 id="import">Nhập danh mục từ tệp (CSV hoặc Excel)</h2>
          <p>
            Một dòng một thủ tục, dòng đầu là tiêu đề cột như Cơ sở dữ liệu quốc gia về thủ tục hành chính xuất ra (bắt
            buộc <code>Mã thủ tục</code>, <code>Tên thủ tục</code>; xem README). Tệp là toàn bộ danh mục: thủ tục có nội
            dung thay đổi được lưu thành phiên bản mới, thủ tục không có trong tệp bị ngừng áp dụng. Nếu có dòng lỗi,
            không dòng nào được nhập.
          </p>
          <p>
            <a href="/api/exports/procedures?format=xlsx">Tải danh mục hiện tại (Excel)</a> ·{' '}
            <a href="/api/exports/procedures?format=csv">(CSV)</a>
          </p>
          <AdminForm
            action={importProceduresAction}
            submitLabel="Nhập danh mục"
            fields={[
              {
                name: 'file',
                label: 'Tệp CSV (UTF-8) hoặc Excel (.xlsx)',
                type: 'file',
                accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              },
              { name: 'csv', label: 'Hoặc dán nội dung CSV', type: 'textarea', rows: 5 },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="new-procedure">
          <h2 id="new-procedure">Thêm thủ tục</h2>
          <AdminForm
            action={createProcedureAction}
            submitLabel="Thêm thủ tục"
            fields={[
              {
                name: 'code',
                label: 'Mã thủ tục',
                required: true,
                hint: 'Theo Cơ sở dữ liệu quốc gia, ví dụ 1.013225',
              },
              { name: 'name', label: 'Tên thủ tục', required: true },
              { name: 'sector', label: 'Lĩnh vực' },
              { name: 'level', label: 'Cấp thực hiện', hint: 'Ví dụ: tỉnh, xã' },
            ]}
          />
        </section>
      </div>
    </>
  );
}

import Link from 'next/link';

import { getDb } from '@/db';
import { auditFacets, countAudit, listAudit } from '@/db/queries/audit';
import { auditFilterSchema, auditQuery, AUDIT_PAGE_SIZE } from '@/lib/admin/audit';
import { formatAuditValue, formatLocalDateTime, pageInfo } from '@/lib/admin/format';
import { requirePage } from '@/server/guard';

export const metadata = { title: 'Nhật ký' };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePage('admin.manage', '/admin/audit');
  const raw = await searchParams;
  const input = Object.fromEntries(['actor', 'action', 'from', 'to', 'page'].map((k) => [k, first(raw[k])]));
  const parsed = auditFilterSchema.safeParse(input);
  const errors = parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
  const filters = parsed.success ? parsed.data : { page: 1 };
  const db = getDb();
  const query = auditQuery(filters);
  const [entries, total, facets] = [await listAudit(db, query), await countAudit(db, query), await auditFacets(db)];
  const info = pageInfo(total, filters.page, AUDIT_PAGE_SIZE);
  const href = (page: number) => {
    const p = new URLSearchParams();
    for (const k of ['actor', 'action', 'from', 'to'] as const)
      if (parsed.success && parsed.data[k]) p.set(k, parsed.data[k]!);
    p.set('page', String(page));
    return `/admin/audit?${p}`;
  };
  const field = (name: string, label: string, control: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      {control}
      {errors[name] && (
        <span className="field__errors" id={`f-${name}-err`}>
          {errors[name]}
        </span>
      )}
    </div>
  );
  const invalid = (name: string) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `f-${name}-err` } : {});
  return (
    <>
      <h1>Nhật ký thay đổi</h1>
      <p>
        Mọi thay đổi của quản trị viên và mọi lần đăng nhập được ghi lại; nhật ký chỉ được thêm, không sửa, không xóa.
      </p>
      <form className="search-form card" role="search" action="/admin/audit">
        {field(
          'actor',
          'Người thực hiện',
          <select id="f-actor" name="actor" defaultValue={input.actor ?? ''} {...invalid('actor')}>
            <option value="">(Tất cả)</option>
            {facets.actors.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>,
        )}
        {field(
          'action',
          'Hành động',
          <select id="f-action" name="action" defaultValue={input.action ?? ''} {...invalid('action')}>
            <option value="">(Tất cả)</option>
            {[...new Set(facets.actions.flatMap((a) => [a.split('.')[0]!, a]))].sort().map((a) => (
              <option key={a} value={a}>
                {a.includes('.') ? a : `${a}.*`}
              </option>
            ))}
          </select>,
        )}
        {field(
          'from',
          'Từ ngày',
          <input id="f-from" name="from" type="date" defaultValue={input.from ?? ''} {...invalid('from')} />,
        )}
        {field(
          'to',
          'Đến ngày',
          <input id="f-to" name="to" type="date" defaultValue={input.to ?? ''} {...invalid('to')} />,
        )}
        <button className="button" type="submit">
          Lọc
        </button>
      </form>
      <section className="card" aria-labelledby="entries">
        <h2 id="entries">{total} mục</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Thời gian</th>
              <th scope="col">Người thực hiện</th>
              <th scope="col">Hành động</th>
              <th scope="col">Đối tượng</th>
              <th scope="col">Trước</th>
              <th scope="col">Sau</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{formatLocalDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td className="mono">{e.action}</td>
                <td className="mono">{e.entity ? `${e.entity} ${e.entityId ?? ''}` : '—'}</td>
                <td className="audit-value">{formatAuditValue(e.before)}</td>
                <td className="audit-value">{formatAuditValue(e.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 && <p>Không có mục nào khớp bộ lọc.</p>}
        <nav className="pager" aria-label="Trang">
          {info.hasPrev && <Link href={href(info.page - 1)}>← Mới hơn</Link>}
          <span>
            Trang {info.page}/{info.pages}
          </span>
          {info.hasNext && <Link href={href(info.page + 1)}>Cũ hơn →</Link>}
        </nav>
      </section>
    </>
  );
}

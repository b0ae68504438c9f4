import type { Metadata } from 'next';
import Link from 'next/link';

import { AlertBanner } from '@/app/_components/AlertBanner';
import { StaffHeader } from '@/app/_components/StaffHeader';
import { getDb } from '@/db';
import { caseStatsByUnit, listCases, type CaseFilter } from '@/db/queries/cases';
import { formatDay } from '@/lib/dashboard/format';
import { CASE_STATUS_LABELS, isOverdue, type CaseStatus } from '@/lib/cases/status';
import { requirePage, unitScope } from '@/server/guard';
import { localDay, quarterBounds, quarterOf, startOfLocalDayMs, endOfLocalDayMs } from '@/lib/time/local';

export const metadata: Metadata = { title: 'Phản ánh, kiến nghị' };

const FILTERS: Array<{ value: string; label: string }> = [
  { value: 'open', label: 'Đang mở' },
  { value: 'overdue', label: 'Quá hạn' },
  { value: 'new', label: 'Mới' },
  { value: 'in_progress', label: 'Đang xử lý' },
  { value: 'resolved', label: 'Đã xử lý' },
  { value: 'dismissed', label: 'Không cần xử lý' },
  { value: 'all', label: 'Tất cả' },
];
const PAGE = 25;
const REASONS: Record<string, string> = { dissatisfied: 'Không hài lòng', complaint: 'Phản ánh' };
const day = (ms: number) => formatDay(localDay(ms));

/** The case queue of a manager's subtree (everything for leaders and admins), with the Decision 766 measures. */
export default async function CasesPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; page?: string }>;
}) {
  const search = await searchParams;
  const principal = await requirePage('cases.view', '/cases');
  const db = getDb();
  const now = Date.now();
  const scope = await unitScope(principal);
  const status = FILTERS.some((f) => f.value === search.status) ? search.status! : 'open';
  // Bounded like every other page number: an absurd one must not reach SQL as an offset.
  const page = Math.max(1, Math.min(1000, Number.parseInt(String(search.page ?? '1'), 10) || 1));

  const filter: CaseFilter = { unitIds: scope, limit: PAGE, offset: (page - 1) * PAGE };
  if (status === 'overdue') filter.overdueAt = now;
  else if (status !== 'all') filter.status = status as CaseStatus | 'open';
  const { rows, total } = await listCases(db, filter);

  const quarter = quarterOf(localDay(now));
  const bounds = quarterBounds(quarter);
  const stats = await caseStatsByUnit(db, {
    unitIds: scope,
    from: startOfLocalDayMs(bounds.from),
    to: endOfLocalDayMs(bounds.to),
    now,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE));

  return (
    <>
      <StaffHeader principal={principal} />
      <main className="staff-main" id="main">
        <h1>Phản ánh, kiến nghị</h1>
        <AlertBanner principal={principal} />

        <section className="card" aria-labelledby="stats-title">
          <h2 id="stats-title">
            Kết quả xử lý quý {quarter.slice(-1)}/{quarter.slice(0, 4)}
          </h2>
          {stats.length === 0 ? (
            <p>Chưa có phản ánh nào trong quý này.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Tiếp nhận</th>
                  <th scope="col">Đã đóng</th>
                  <th scope="col">Đúng hạn</th>
                  <th scope="col">Tỉ lệ đúng hạn</th>
                  <th scope="col">Đang quá hạn</th>
                </tr>
              </thead>
              <tbody>
                {stats.map((s) => (
                  <tr key={s.unitId}>
                    <th scope="row">{s.unitName}</th>
                    <td>{s.received}</td>
                    <td>{s.closed}</td>
                    <td>{s.closedOnTime}</td>
                    <td>{s.closed ? `${((100 * s.closedOnTime) / s.closed).toFixed(1)} %` : '—'}</td>
                    <td className={s.overdue ? 'overdue' : undefined}>{s.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <nav className="filters" aria-label="Lọc theo trạng thái">
          {FILTERS.map((f) => (
            <Link
              key={f.value}
              href={`/cases?status=${f.value}`}
              aria-current={f.value === status ? 'page' : undefined}
              className="filter-chip"
            >
              {f.label}
            </Link>
          ))}
        </nav>

        <section className="card" aria-labelledby="queue-title">
          <h2 id="queue-title">
            Danh sách ({total} phản ánh{pages > 1 ? `, trang ${page}/${pages}` : ''})
          </h2>
          {rows.length === 0 ? (
            <p>Không có phản ánh nào.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Mã</th>
                  <th scope="col">Lý do</th>
                  <th scope="col">Đơn vị · quầy</th>
                  <th scope="col">Tiếp nhận</th>
                  <th scope="col">Hạn</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">Người xử lý</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const overdue = isOverdue(r, now);
                  return (
                    <tr key={r.code} className={overdue ? 'row--overdue' : undefined}>
                      <th scope="row">
                        <Link className="nowrap" href={`/cases/${r.code}`}>
                          {r.code}
                        </Link>
                      </th>
                      <td>
                        {r.reasons
                          .split(',')
                          .map((x) => REASONS[x] ?? x)
                          .join(', ')}
                      </td>
                      <td>
                        {r.unitName} · {r.pointName}
                      </td>
                      <td>{day(r.openedAt)}</td>
                      <td>
                        {day(r.dueAt - 1)}
                        {overdue && <strong className="overdue"> · quá hạn</strong>}
                      </td>
                      <td>{CASE_STATUS_LABELS[r.status].vi}</td>
                      <td>{r.assignee ?? r.assigneeUsername ?? '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {pages > 1 && (
            <nav className="pager" aria-label="Phân trang">
              {page > 1 && <Link href={`/cases?status=${status}&page=${page - 1}`}>← Trang trước</Link>}
              {page < pages && <Link href={`/cases?status=${status}&page=${page + 1}`}>Trang sau →</Link>}
            </nav>
          )}
        </section>
      </main>
    </>
  );
}

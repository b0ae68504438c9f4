import Link from 'next/link';

import { getDb } from '@/db';
import { listApiTokens } from '@/db/queries/api-tokens';
import { listAudit } from '@/db/queries/audit';
import { listPoints } from '@/db/queries/points';
import { searchProcedures } from '@/db/queries/procedures';
import { listSurveysWithVersions } from '@/db/queries/surveys';
import { listUnits } from '@/db/queries/units';
import { listUsers } from '@/db/queries/users';
import { formatLocalDateTime } from '@/lib/admin/format';
import { requirePage } from '@/server/guard';

export const metadata = { title: 'Tổng quan' };

export default async function AdminHome() {
  await requirePage('admin.manage', '/admin');
  const db = getDb();
  const stats = [
    ['/admin/units', 'Đơn vị', (await listUnits(db)).length],
    ['/admin/points', 'Quầy', (await listPoints(db)).length],
    ['/admin/procedures', 'Thủ tục', (await searchProcedures(db, { q: '', limit: 1, offset: 0 })).total],
    ['/admin/surveys', 'Phiếu khảo sát', (await listSurveysWithVersions(db)).length],
    ['/admin/users', 'Tài khoản', (await listUsers(db)).length],
    ['/admin/tokens', 'Khóa API còn hiệu lực', (await listApiTokens(db)).filter((t) => t.revokedAt === null).length],
  ] as const;
  const recent = await listAudit(db, { limit: 10 });
  return (
    <>
      <h1>Quản trị hệ thống</h1>
      <ul className="admin-stats">
        {stats.map(([href, label, n]) => (
          <li key={href}>
            <Link href={href}>
              <strong>{n}</strong> {label}
            </Link>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="recent">
        <h2 id="recent">Thay đổi gần đây</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Thời gian</th>
              <th scope="col">Người thực hiện</th>
              <th scope="col">Hành động</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((e) => (
              <tr key={e.id}>
                <td>{formatLocalDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td className="mono">{e.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <Link href="/admin/audit">Xem toàn bộ nhật ký</Link>
        </p>
      </section>
    </>
  );
}

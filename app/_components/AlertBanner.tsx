import Link from 'next/link';

import { getDb } from '@/db';
import { activeAlerts } from '@/db/queries/alerts';
import type { Principal } from '@/lib/auth/permissions';
import { unitScope } from '@/server/guard';

/** The top of the dashboard and the case queue: what needs attention now, in the viewer's units. */
export async function AlertBanner({ principal }: { principal: Principal }) {
  const alerts = await activeAlerts(getDb(), { unitIds: await unitScope(principal), now: Date.now() });
  if (alerts.length === 0) return null;
  const negative = alerts.filter((a) => a.kind === 'negative_share');
  const overdue = alerts.filter((a) => a.kind === 'case_overdue');
  return (
    <section className="status status--error alert-banner" aria-labelledby="alerts-title">
      <h2 id="alerts-title">Cần chú ý</h2>
      <ul>
        {negative.map((a, i) => (
          <li key={`n${i}`}>
            <strong>{a.pointName}</strong> ({a.unitName}): {String(a.details.percent)} % đánh giá không hài lòng trong 1
            giờ qua ({String(a.details.negative)}/{String(a.details.responses)}).
          </li>
        ))}
        {overdue.length > 0 && (
          <li>
            <Link href="/cases?status=overdue">{overdue.length} phản ánh quá hạn xử lý</Link>
          </li>
        )}
      </ul>
    </section>
  );
}

// The scheduled summary e-mail: each month and each quarter, once the period has ended, every
// active recipient gets the figures of their scope (the department, or their unit's subtree).
import type { Db } from '@/db';
import { listCases } from '@/db/queries/cases';
import { listSurveys, listActiveUnits } from '@/db/queries/catalog';
import { appendAudit, SYSTEM_ACTOR } from '@/db/queries/audit';
import {
  claimSummarySend,
  listSummaryRecipients,
  releaseSummarySend,
  type SummaryRecipient,
} from '@/db/queries/summary';
import { unitSubtreeIds } from '@/db/queries/units';
import type { Principal } from '@/lib/auth/permissions';
import { formatPercent } from '@/lib/dashboard/format';
import { standouts } from '@/lib/report/recommendations';
import { composeSummary, type SummaryKind, type SummarySection } from '@/lib/summary/compose';
import { composeSummaryHtml } from '@/lib/summary/compose-html';
import { monthOf, periodPreset, quarterOf, type DayPeriod } from '@/lib/time/local';

import { loadDashboard } from './dashboard';
import { loadReportDocument } from './report';
import { isViewError, resolveView } from './view';

/** What sends a message: nodemailer's transporter in production, anything alike in a test. */
export type MailTransport = {
  sendMail(message: { from: string; to: string; subject: string; text: string; html: string }): Promise<unknown>;
};

// The summary reads as a leader would; a unit recipient's view is narrowed to that unit below.
const SUMMARY_READER: Principal = { kind: 'token', id: 0, label: 'summary e-mail', role: 'leader', unitId: null };

function duePeriods(nowMs: number): { kind: SummaryKind; period: string; days: DayPeriod }[] {
  const month = periodPreset('lastMonth', nowMs);
  const quarter = periodPreset('lastQuarter', nowMs);
  return [
    { kind: 'monthly', period: monthOf(month.from), days: month },
    { kind: 'quarterly', period: quarterOf(quarter.from), days: quarter },
  ];
}

/**
 * Sends every summary that is due and not yet sent: last month's and last quarter's. A send is
 * claimed in the database first (so two instances never both send it) and given back when the
 * SMTP server refuses, to be tried on the next run. Every sent summary is in the audit log.
 */
export async function sendDueSummaries(
  db: Db,
  {
    now,
    transport,
    from,
    baseUrl,
    minResponses,
  }: { now: number; transport: MailTransport; from: string; baseUrl: string; minResponses: number },
): Promise<number> {
  const recipients = await listSummaryRecipients(db);
  if (recipients.length === 0) return 0;
  const units = await listActiveUnits(db);
  let sent = 0;
  for (const due of duePeriods(now)) {
    for (const r of recipients) {
      if (due.kind === 'monthly' ? !r.monthly : !r.quarterly) continue;
      if (!(await claimSummarySend(db, { recipientId: r.id, period: due.period, now }))) continue;
      try {
        const unit = units.find((u) => u.id === r.unitId) ?? null;
        const mail = await summaryFor(db, r, unit, due, { now, baseUrl, minResponses });
        await transport.sendMail({ from, to: r.email, ...mail });
        await appendAudit(
          db,
          {
            by: SYSTEM_ACTOR,
            action: 'summary.sent',
            entity: 'summary_recipient',
            entityId: r.id,
            after: { period: due.period, to: r.email, subject: mail.subject },
          },
          now,
        );
        sent++;
      } catch (err) {
        await releaseSummarySend(db, { recipientId: r.id, period: due.period });
        throw err;
      }
    }
  }
  return sent;
}

async function summaryFor(
  db: Db,
  r: SummaryRecipient,
  unit: { id: number; code: string; name: string } | null,
  due: { kind: SummaryKind; period: string; days: DayPeriod },
  { now, baseUrl, minResponses }: { now: number; baseUrl: string; minResponses: number },
): Promise<{ subject: string; text: string; html: string }> {
  const sections: SummarySection[] = [];
  for (const survey of await listSurveys(db)) {
    const params = { survey: survey.slug, from: due.days.from, to: due.days.to, ...(unit ? { unit: unit.code } : {}) };
    const view = await resolveView(db, SUMMARY_READER, params, now);
    if (isViewError(view)) continue;
    const data = await loadDashboard(db, view, { minResponses });
    if (data.indices.responses === 0) continue;
    const doc = await loadReportDocument(db, view, data, minResponses, now);
    const fixFirst = (doc.priorities?.criteria ?? [])
      .filter((c) => c.quadrant === 'fix_first')
      .sort((a, b) => b.importance! - a.importance!);
    const reasons =
      doc.reasons && !doc.reasons.total.suppressed
        ? [...doc.reasons.total.choices].filter((c) => c.count > 0).sort((a, b) => b.count - a.count)
        : [];
    const query = new URLSearchParams(params).toString();
    const units = standouts(data.rankings.units.ranked);
    const desks = standouts(data.rankings.points.ranked);
    sections.push({
      survey: view.survey.title,
      headline: { index: data.indices.index, ci95: data.indices.ci95, responses: data.indices.responses },
      verdicts: { above: [...units.above, ...desks.above], below: [...units.below, ...desks.below] },
      conclusions: doc.conclusions,
      priorities: [
        ...fixFirst.slice(0, 3).map((c) => `${c.title} (hài lòng ${formatPercent(c.index)})`),
        ...reasons
          .slice(0, 3)
          .map(
            (c) =>
              `${doc.reasons!.choices.find((x) => x.value === c.choice)?.label ?? c.choice} (${formatPercent(c.share)} người chưa hài lòng chọn)`,
          ),
      ],
      dashboardUrl: `${baseUrl}/dashboard?${query}`,
      reportUrl: `${baseUrl}/dashboard/report?${new URLSearchParams({ survey: survey.slug, quarter: quarterOf(due.days.to), ...(unit ? { unit: unit.code } : {}) })}`,
    });
  }
  const scopeIds = unit ? await unitSubtreeIds(db, unit.id) : null;
  const overdue = await listCases(db, { unitIds: scopeIds, overdueAt: now, limit: 100 });
  const mail = {
    kind: due.kind,
    period: due.period,
    scope: unit?.name ?? 'toàn Sở',
    sections,
    overdueCases: overdue.rows.map((c) => ({ code: c.code, unit: c.unitName })),
  };
  return { ...composeSummary(mail), html: composeSummaryHtml(mail) };
}

// The monthly and quarterly summary e-mail, as plain text: short enough to read on a phone, with
// the figures, the verdicts, what to fix first, overdue cases and the links to read more.
import { formatInt } from '../dashboard/format';
import type { Interval } from '../indices/types';

export type SummaryKind = 'monthly' | 'quarterly';

export type SummarySection = {
  survey: string;
  /** The overall index (null when suppressed), its 95 % interval and n in respondents. */
  headline: { index: number | null; ci95: Interval | null; responses: number };
  /** Units and desks clearly above or below the benchmark (a Holm-corrected test), by name. */
  verdicts: { above: string[]; below: string[] };
  /** Sentences from lib/report/recommendations.ts reportConclusions. */
  conclusions: string[];
  /** The criteria (or reasons) to fix first, in words. */
  priorities: string[];
  dashboardUrl: string;
  reportUrl: string;
};

export type SummaryMail = {
  kind: SummaryKind;
  /** '2026-11' or '2026-Q4'. */
  period: string;
  scope: string;
  sections: SummarySection[];
  overdueCases: { code: string; unit: string }[];
};

export function periodLabel(kind: SummaryKind, period: string): string {
  return kind === 'monthly'
    ? `tháng ${Number(period.slice(5, 7))}/${period.slice(0, 4)}`
    : `quý ${period.slice(6)}/${period.slice(0, 4)}`;
}

export function composeSummary(m: SummaryMail): { subject: string; text: string } {
  const label = periodLabel(m.kind, m.period);
  const subject = `[Hài Lòng] Tóm tắt kết quả hài lòng ${label} — ${m.scope}`;
  const lines: string[] = [`Kết quả đo lường sự hài lòng ${label}, ${m.scope}.`, ''];
  if (m.sections.length === 0) lines.push('Không có phiếu đánh giá nào trong kỳ.', '');
  for (const s of m.sections) {
    lines.push(`■ ${s.survey}`);
    for (const c of s.conclusions) lines.push(`- ${c}`);
    if (s.priorities.length > 0) {
      lines.push('Cần cải thiện trước:');
      s.priorities.forEach((p, i) => lines.push(`  ${i + 1}. ${p}`));
    }
    lines.push(`Bảng điều khiển: ${s.dashboardUrl}`, `Báo cáo quý: ${s.reportUrl}`, '');
  }
  if (m.overdueCases.length > 0) {
    lines.push(`Phản ánh, kiến nghị đang quá hạn (${formatInt(m.overdueCases.length)}):`);
    for (const c of m.overdueCases.slice(0, 20)) lines.push(`- ${c.code} (${c.unit})`);
    if (m.overdueCases.length > 20) lines.push(`- … và ${formatInt(m.overdueCases.length - 20)} phản ánh khác`);
    lines.push('');
  } else {
    lines.push('Không có phản ánh, kiến nghị nào đang quá hạn.', '');
  }
  lines.push('Thư này được gửi tự động; quản trị viên thay đổi danh sách người nhận.');
  return { subject, text: lines.join('\n') };
}

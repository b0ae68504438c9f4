// The summary e-mail's HTML part. Mail clients drop <style> blocks and classes, so every style is
// inline, the layout is one table 600 px wide, and nothing depends on images or scripts; the plain
// text part (compose.ts) carries the same content for clients that show no HTML.
import { formatInt, formatPercent } from '../dashboard/format';
import { periodLabel, type SummaryMail, type SummarySection } from './compose';

const INK = '#1f2933';
const SOFT = '#52606d';
const BRAND = '#0b4f8a';
const GOOD = '#1d6b35';
const BAD = '#a4161a';
const FONT = 'font-family:Arial,Helvetica,sans-serif;';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const p = (text: string, style = '') =>
  `<p style="${FONT}margin:0 0 8px;font-size:14px;line-height:1.5;color:${INK};${style}">${text}</p>`;

function headline(s: SummarySection): string {
  const h = s.headline;
  if (h.index === null)
    return p(`Chưa đủ dữ liệu để tính chỉ số (n = <span data-figure="n">${formatInt(h.responses)}</span>).`);
  const ci = h.ci95
    ? `KTC 95 %: <span data-figure="ci95">${formatPercent(h.ci95[0])} – ${formatPercent(h.ci95[1])}</span> · `
    : '';
  return (
    `<p style="${FONT}margin:0;font-size:13px;color:${SOFT};">Chỉ số hài lòng chung</p>` +
    `<p style="${FONT}margin:0;font-size:32px;font-weight:bold;line-height:1.2;color:${BRAND};" data-figure="index">${formatPercent(h.index)}</p>` +
    p(`${ci}n = <span data-figure="n">${formatInt(h.responses)}</span> người trả lời`, `color:${SOFT};font-size:13px;`)
  );
}

function verdicts(s: SummarySection): string {
  const { above, below } = s.verdicts;
  if (above.length + below.length === 0)
    return p('Đơn vị, quầy: chưa khác biệt rõ so với mốc so sánh.', `color:${SOFT};`);
  return (
    (above.length > 0
      ? p(
          `<strong style="color:${GOOD};">Làm tốt:</strong> <span data-figure="above">${above.map(escapeHtml).join('; ')}</span>`,
        )
      : '') +
    (below.length > 0
      ? p(
          `<strong style="color:${BAD};">Chưa tốt:</strong> <span data-figure="below">${below.map(escapeHtml).join('; ')}</span>`,
        )
      : '')
  );
}

function button(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}" style="${FONT}display:inline-block;margin:4px 8px 4px 0;padding:8px 14px;background:${BRAND};color:#ffffff;text-decoration:none;border-radius:4px;font-size:14px;">${text}</a>`;
}

function section(s: SummarySection): string {
  const priorities =
    s.priorities.length === 0
      ? ''
      : `<p style="${FONT}margin:12px 0 4px;font-size:14px;font-weight:bold;color:${INK};">Cần cải thiện trước</p>` +
        `<ol style="${FONT}margin:0 0 8px;padding-left:22px;font-size:14px;line-height:1.5;color:${INK};" data-figure="priorities">` +
        s.priorities.map((x) => `<li>${escapeHtml(x)}</li>`).join('') +
        '</ol>';
  const conclusions =
    s.conclusions.length === 0
      ? ''
      : `<ul style="${FONT}margin:8px 0;padding-left:22px;font-size:13px;line-height:1.5;color:${SOFT};">` +
        s.conclusions.map((c) => `<li>${escapeHtml(c)}</li>`).join('') +
        '</ul>';
  return (
    `<tr><td style="padding:16px 24px;border-top:1px solid #d9e2ec;">` +
    `<h2 style="${FONT}margin:0 0 8px;font-size:17px;color:${INK};">${escapeHtml(s.survey)}</h2>` +
    headline(s) +
    verdicts(s) +
    priorities +
    conclusions +
    `<p style="margin:8px 0 0;">${button(s.dashboardUrl, 'Mở bảng điều khiển')}${button(s.reportUrl, 'Mở báo cáo quý')}</p>` +
    '</td></tr>'
  );
}

function overdue(cases: SummaryMail['overdueCases']): string {
  if (cases.length === 0) return p('Không có phản ánh, kiến nghị nào đang quá hạn.', `color:${SOFT};`);
  const rows = cases
    .slice(0, 20)
    .map(
      (c) =>
        `<tr><td style="${FONT}padding:4px 8px;border-bottom:1px solid #e4e7eb;font-size:13px;">${escapeHtml(c.code)}</td>` +
        `<td style="${FONT}padding:4px 8px;border-bottom:1px solid #e4e7eb;font-size:13px;">${escapeHtml(c.unit)}</td></tr>`,
    )
    .join('');
  const more =
    cases.length > 20 ? p(`… và ${formatInt(cases.length - 20)} phản ánh khác.`, `color:${SOFT};font-size:13px;`) : '';
  return (
    `<p style="${FONT}margin:0 0 6px;font-size:14px;font-weight:bold;color:${BAD};">Phản ánh, kiến nghị đang quá hạn (<span data-figure="overdue">${formatInt(cases.length)}</span>)</p>` +
    `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;">${rows}</table>` +
    more
  );
}

/** The whole message as an HTML document, every style inline. */
export function composeSummaryHtml(m: SummaryMail): string {
  const label = periodLabel(m.kind, m.period);
  const title = `Kết quả đo lường sự hài lòng ${label}, ${escapeHtml(m.scope)}`;
  const body =
    m.sections.length === 0
      ? `<tr><td style="padding:16px 24px;">${p('Không có phiếu đánh giá nào trong kỳ.')}</td></tr>`
      : m.sections.map(section).join('');
  return (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">' +
    `<meta name="viewport" content="width=device-width"><title>${title}</title></head>` +
    `<body style="margin:0;padding:0;background:#f0f4f8;">` +
    `<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="background:#f0f4f8;"><tr><td align="center" style="padding:16px 8px;">` +
    `<table role="presentation" cellpadding="0" cellspacing="0" width="600" style="max-width:600px;width:100%;background:#ffffff;border-collapse:collapse;">` +
    `<tr><td style="padding:16px 24px;background:${BRAND};"><p style="${FONT}margin:0;font-size:18px;font-weight:bold;color:#ffffff;">${title}</p></td></tr>` +
    body +
    `<tr><td style="padding:16px 24px;border-top:1px solid #d9e2ec;">${overdue(m.overdueCases)}</td></tr>` +
    `<tr><td style="padding:12px 24px;background:#f5f7fa;">${p('Thư này được gửi tự động; quản trị viên thay đổi danh sách người nhận.', `color:${SOFT};font-size:12px;margin:0;`)}</td></tr>` +
    '</table></td></tr></table></body></html>'
  );
}

// The conclusions and recommendations of the quarterly report, written from its figures in plain
// Vietnamese. The report page shows them in editable boxes: a director corrects or adds before
// printing; nothing here is stored.
import { formatInt, formatPercent, formatSigned } from '../dashboard/format';

export type ReportFacts = {
  /** Overall index of the quarter, null when suppressed. */
  index: number | null;
  respondents: number;
  minResponses: number;
  /** Change in points against the previous quarter, and whether the z-test calls it significant. */
  change: { delta: number; significant: boolean } | null;
  benchmark: { label: string; index: number } | null;
  /** Criteria to fix first (important and weak), most important first. */
  fixFirst: { title: string; index: number }[];
  /** Most chosen reasons of the dissatisfied (quick survey), most chosen first. */
  reasons: { label: string; share: number }[];
  /** Units or desks whose interval lies wholly below (above) the scope's pooled rate. */
  below: string[];
  above: string[];
  cases: { received: number; due: number; onTime: number; overdue: number };
  provisional: boolean;
};

export function reportConclusions(f: ReportFacts): string[] {
  const out: string[] = [];
  const tentative = f.provisional ? ' (số liệu tạm tính, quý chưa kết thúc)' : '';
  if (f.index === null) {
    out.push(
      `Quý này có ${formatInt(f.respondents)} người trả lời, chưa đủ ${f.minResponses} để tính chỉ số hài lòng${tentative}.`,
    );
  } else {
    let s = `Chỉ số hài lòng chung đạt ${formatPercent(f.index)} trên ${formatInt(f.respondents)} người trả lời${tentative}`;
    if (f.benchmark)
      s +=
        f.index >= f.benchmark.index
          ? `, không thấp hơn ${f.benchmark.label} (${formatPercent(f.benchmark.index)})`
          : `, thấp hơn ${f.benchmark.label} (${formatPercent(f.benchmark.index)})`;
    out.push(`${s}.`);
    if (f.change) {
      out.push(
        f.change.significant
          ? `So với quý trước, chỉ số ${f.change.delta > 0 ? 'tăng' : 'giảm'} ${formatSigned(f.change.delta).replace(/^[+−±]/, '')} điểm; thay đổi này có ý nghĩa thống kê.`
          : `So với quý trước, chỉ số thay đổi ${formatSigned(f.change.delta)} điểm, chưa đủ để kết luận là có thay đổi thực sự.`,
      );
    }
  }
  if (f.above.length > 0) out.push(`Làm tốt hơn mức chung một cách rõ rệt: ${f.above.join('; ')}.`);
  if (f.below.length > 0) out.push(`Chưa tốt, thấp hơn mức chung một cách rõ rệt: ${f.below.join('; ')}.`);
  if (f.above.length === 0 && f.below.length === 0 && f.index !== null)
    out.push('Giữa các đơn vị, quầy chưa có khác biệt rõ so với mức chung.');
  if (f.cases.received > 0) {
    const rate =
      f.cases.due > 0
        ? `, đúng hạn ${f.cases.onTime}/${f.cases.due} phản ánh đã đến hạn (${formatPercent((100 * f.cases.onTime) / f.cases.due)})`
        : '';
    out.push(`Tiếp nhận ${f.cases.received} phản ánh, kiến nghị${rate}; đang quá hạn: ${f.cases.overdue}.`);
  }
  return out;
}

export function reportRecommendations(f: ReportFacts): string[] {
  const out: string[] = [];
  for (const c of f.fixFirst.slice(0, 3)) {
    out.push(
      `Ưu tiên cải thiện tiêu chí “${c.title}” (mới đạt ${formatPercent(c.index)}): tiêu chí này ảnh hưởng nhiều đến mức hài lòng chung.`,
    );
  }
  if (f.reasons.length > 0) {
    const top = f.reasons.slice(0, 2).map((r) => `“${r.label}” (${formatPercent(r.share)} người chưa hài lòng chọn)`);
    out.push(`Tập trung khắc phục các lý do chưa hài lòng được nêu nhiều nhất: ${top.join(' và ')}.`);
  }
  if (f.below.length > 0) out.push(`Kiểm tra, hỗ trợ ${f.below.join('; ')} để nâng mức hài lòng lên bằng mức chung.`);
  if (f.cases.overdue > 0)
    out.push(
      `Giải quyết dứt điểm ${f.cases.overdue} phản ánh, kiến nghị đang quá hạn và trả lời công khai cho người dân.`,
    );
  if (f.index === null)
    out.push('Tăng số người tham gia đánh giá (mã QR tại quầy, máy tính bảng) để đủ dữ liệu kết luận.');
  if (out.length === 0)
    out.push('Duy trì chất lượng phục vụ hiện nay và tiếp tục theo dõi ý kiến của người dân, tổ chức.');
  return out;
}

/**
 * The rows named as doing well ("above") or not yet well ("below"): only those whose verdict
 * against the ranking's stated benchmark says so (lib/indices/verdict.ts), never a place in a list.
 */
export function standouts(rows: readonly { label: string; verdict: 'above' | 'below' | 'within' }[]): {
  above: string[];
  below: string[];
} {
  return {
    above: rows.filter((r) => r.verdict === 'above').map((r) => r.label),
    below: rows.filter((r) => r.verdict === 'below').map((r) => r.label),
  };
}

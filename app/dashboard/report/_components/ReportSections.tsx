import { formatInt, formatPercent } from '@/lib/dashboard/format';
import type { CaseStat, ReportDocument } from '@/server/report';

import { EditableList } from './DocumentFrame';

function onTime(c: CaseStat): string {
  return c.due > 0 ? `${formatInt(c.onTime)}/${formatInt(c.due)} (${formatPercent((100 * c.onTime) / c.due)})` : '–';
}

export function CasesSection({ number, cases }: { number: number; cases: ReportDocument['cases'] }) {
  return (
    <section className="report__section">
      <h2>{number}. Tiếp nhận và xử lý phản ánh, kiến nghị</h2>
      {cases.rows.length === 0 ? (
        <p>Không có phản ánh, kiến nghị nào trong quý.</p>
      ) : (
        <table className="report__table report__table--grid">
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              <th scope="col">Tiếp nhận</th>
              <th scope="col">Đúng hạn / đã đến hạn</th>
              <th scope="col">Đang quá hạn</th>
            </tr>
          </thead>
          <tbody>
            {[...cases.rows, cases.total].map((c) => (
              <tr key={c.unit} className={c === cases.total ? 'report__element' : undefined}>
                <th scope="row">{c.unit}</th>
                <td className="num">{formatInt(c.received)}</td>
                <td className="num">{onTime(c)}</td>
                <td className="num">{formatInt(c.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="report__note">
        Đã đến hạn: phản ánh đã đóng hoặc đã quá thời hạn xử lý; đúng hạn: đóng trước hoặc đúng thời hạn.
      </p>
    </section>
  );
}

export function PrioritiesSection({ number, doc }: { number: number; doc: ReportDocument }) {
  const { priorities, reasons } = doc;
  const first = (priorities?.criteria ?? [])
    .filter((c) => c.quadrant === 'fix_first')
    .sort((a, b) => b.importance! - a.importance!);
  return (
    <section className="report__section report__keep">
      <h2>{number}. Ưu tiên cải thiện</h2>
      {priorities &&
        (priorities.r2 === null ? (
          <p>Chưa đủ dữ liệu để xác định tiêu chí ưu tiên ({formatInt(priorities.responses)} người trả lời).</p>
        ) : first.length === 0 ? (
          <p>Không có tiêu chí nào vừa quan trọng vừa có chỉ số thấp hơn mức giữa.</p>
        ) : (
          <table className="report__table report__table--grid">
            <thead>
              <tr>
                <th scope="col">Tiêu chí cần cải thiện trước</th>
                <th scope="col">Chỉ số</th>
                <th scope="col">Tầm quan trọng (KTC 95 %)</th>
              </tr>
            </thead>
            <tbody>
              {first.map((c) => (
                <tr key={c.question}>
                  <th scope="row">{c.title}</th>
                  <td className="num">{formatPercent(c.index)}</td>
                  <td className="num">
                    {formatPercent(c.importance)}
                    {c.importanceCi95 &&
                      ` (${formatPercent(c.importanceCi95[0])} – ${formatPercent(c.importanceCi95[1])})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {reasons && reasons.total.respondents > 0 && (
        <table className="report__table report__table--grid">
          <thead>
            <tr>
              <th scope="col">Lý do chưa hài lòng ({formatInt(reasons.total.respondents)} người trả lời)</th>
              <th scope="col">Số người chọn</th>
              <th scope="col">Tỷ lệ (KTC 95 %)</th>
            </tr>
          </thead>
          <tbody>
            {[...reasons.total.choices]
              .sort((a, b) => b.count - a.count)
              .map((c) => (
                <tr key={c.choice}>
                  <th scope="row">{reasons.choices.find((x) => x.value === c.choice)?.label ?? c.choice}</th>
                  <td className="num">{formatInt(c.count)}</td>
                  <td className="num">
                    {c.share === null ? 'chưa đủ dữ liệu' : formatPercent(c.share)}
                    {c.ci95 && ` (${formatPercent(c.ci95[0])} – ${formatPercent(c.ci95[1])})`}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {priorities && priorities.r2 !== null && (
        <p className="report__note">
          Tầm quan trọng: phần đóng góp của tiêu chí vào mức hài lòng chung (trọng số tương đối Johnson, R² ={' '}
          {formatPercent(priorities.r2)}); tiêu chí cần cải thiện trước có tầm quan trọng trên mức giữa và chỉ số dưới
          mức giữa các tiêu chí.
        </p>
      )}
    </section>
  );
}

export function ConclusionsSection({ number, doc }: { number: number; doc: ReportDocument }) {
  return (
    <section className="report__section">
      <h2>{number}. Đánh giá chung và kiến nghị</h2>
      <p className="report__note no-print">
        Nội dung dưới đây được lập tự động từ số liệu; có thể sửa trực tiếp trước khi in.
      </p>
      <h3>Đánh giá chung</h3>
      <EditableList label="Đánh giá chung" items={doc.conclusions} />
      <h3>Giải pháp, kiến nghị</h3>
      <EditableList label="Giải pháp, kiến nghị" items={doc.recommendations} />
    </section>
  );
}

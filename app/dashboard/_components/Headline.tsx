import { formatDay, formatInt, formatPercent, formatSigned, notEnough } from '@/lib/dashboard/format';
import type { DashboardData } from '@/server/dashboard';
import './first-screen.css';

/** The four numbers a leader reads first. */
export function Headline({ data }: { data: DashboardData }) {
  const { indices, change, indexDelta, dissatisfied, previous } = data;
  const overallCi = indices.ci95;
  return (
    <section className="dash-cards" aria-label="Chỉ số chính / Headline">
      <div className="dash-card dash-stat">
        <h2>Chỉ số hài lòng</h2>
        {indices.suppressed ? (
          <p className="dash-stat__value dash-stat__value--muted" data-testid="headline-index">
            {notEnough(indices.responses)}
          </p>
        ) : (
          <p className="dash-stat__value" data-testid="headline-index">
            {formatPercent(indices.index)}
          </p>
        )}
        {overallCi && (
          <p className="muted">
            KTC 95 % (theo người trả lời): {formatPercent(overallCi[0])} – {formatPercent(overallCi[1])}
          </p>
        )}
        <p className="muted">n = {formatInt(indices.responses)} người trả lời</p>
      </div>
      <div className="dash-card dash-stat">
        <h2>So với kỳ trước</h2>
        {indexDelta === null ? (
          <p className="dash-stat__value dash-stat__value--muted">–</p>
        ) : (
          <p
            className={`dash-stat__value ${indexDelta > 0 ? 'is-up' : indexDelta < 0 ? 'is-down' : ''}`}
            data-testid="headline-change"
          >
            {formatSigned(indexDelta)} điểm
          </p>
        )}
        <p className="muted">
          Kỳ trước {formatDay(previous.period.from)} – {formatDay(previous.period.to)}:{' '}
          {previous.indices.index === null
            ? notEnough(previous.indices.responses)
            : formatPercent(previous.indices.index)}
        </p>
        <p className="muted">
          {change === null
            ? 'Chưa đủ dữ liệu để kiểm định.'
            : change.significant
              ? `Thay đổi có ý nghĩa thống kê (z = ${change.z.toFixed(2).replace('.', ',')}, 95 %).`
              : `Chưa có ý nghĩa thống kê (z = ${change.z.toFixed(2).replace('.', ',')}).`}
        </p>
      </div>
      <div className="dash-card dash-stat">
        <h2>Số phiếu</h2>
        <p className="dash-stat__value" data-testid="headline-responses">
          {formatInt(indices.responses)}
        </p>
        <p className="muted">Kỳ trước: {formatInt(previous.indices.responses)} phiếu</p>
        {data.flagged > 0 && (
          <p className="muted" data-testid="headline-flagged">
            Không tính {formatInt(data.flagged)} phiếu bị đánh dấu (bấm lặp trên máy tính bảng, hoặc gửi dồn dập từ một
            máy tại một quầy).
          </p>
        )}
      </div>
      <div className="dash-card dash-stat">
        <h2>Tỷ lệ &quot;Không hài lòng&quot;</h2>
        <p className="dash-stat__value" data-testid="headline-dissatisfied">
          {dissatisfied.suppressed ? notEnough(dissatisfied.n) : formatPercent(dissatisfied.percent)}
        </p>
        <p className="muted">
          {formatInt(dissatisfied.count)} / {formatInt(dissatisfied.n)} câu trả lời dưới mức &quot;Bình thường&quot;
        </p>
      </div>
    </section>
  );
}

import type { HourCell } from '@/db/queries/rollup-reads';
import { formatInt, formatPercent } from '@/lib/dashboard/format';
import { WEEKDAY_LABELS } from '@/lib/dashboard/labels';
import './charts.css';

/**
 * Hour × weekday as a table: the cell's shade is the volume, its text the count and the pooled
 * satisfaction rate (shown from `minResponses` respondents). Only the hours that had responses.
 */
export function Heatmap({ cells, minResponses }: { cells: HourCell[]; minResponses: number }) {
  const hours = [...new Set(cells.map((c) => c.hour))].sort((a, b) => a - b);
  const byKey = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const max = Math.max(1, ...cells.map((c) => c.responses));
  return (
    <section className="dash-card" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">Lượt đánh giá theo giờ và thứ</h2>
      <p className="muted">
        Màu đậm: nhiều phiếu. Trong ô: số phiếu và tỷ lệ câu trả lời hài lòng (từ đủ số người trả lời).
      </p>
      {cells.length === 0 ? (
        <p className="dash-empty">Chưa có dữ liệu cho bộ lọc này.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Bảng số liệu (cuộn ngang) / Data table">
          <table className="dash-table heatmap">
            <thead>
              <tr>
                <th scope="col">Giờ</th>
                {WEEKDAY_LABELS.map((d) => (
                  <th key={d} scope="col">
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {hours.map((h) => (
                <tr key={h}>
                  <th scope="row">{`${String(h).padStart(2, '0')}:00`}</th>
                  {WEEKDAY_LABELS.map((_, i) => {
                    const c = byKey.get(`${i + 1}:${h}`);
                    if (!c) return <td key={i} className="heatmap__cell" />;
                    const share = c.responses / max;
                    // Two bands of shade so the text keeps a 4.5:1 contrast: dark text on light
                    // cells (alpha ≤ 0.45), white text on dark ones (alpha ≥ 0.78).
                    const dark = share >= 0.5;
                    const alpha = dark ? 0.78 + (share - 0.5) * 0.3 : 0.08 + share * 0.74;
                    // Suppressed by respondents, like every figure; the cell's rate pools its answers.
                    const rate = c.responses >= minResponses && c.answers > 0 ? (c.satisfied / c.answers) * 100 : null;
                    return (
                      <td
                        key={i}
                        className="heatmap__cell"
                        style={{
                          backgroundColor: `rgba(11, 79, 138, ${alpha.toFixed(2)})`,
                          color: dark ? '#fff' : '#1a1a1a',
                        }}
                      >
                        <span className="heatmap__n">{formatInt(c.responses)}</span>
                        <span className="heatmap__rate">
                          {rate === null ? '' : formatPercent(Math.round(rate * 10) / 10)}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

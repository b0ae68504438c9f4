import { formatInt, formatPercent } from '@/lib/dashboard/format';
import { VERDICT_WORDS } from '@/lib/indices';
import type { RankingResult } from '@/server/rankings';

import { SuppressedList } from './Rankings';
import './charts.css';
import './rankings.css';

const SHOWN = 10;

/**
 * "Thủ tục bị đánh giá thấp nhất": the procedure ranking (server/rankings.ts, the same rules as
 * the desk and unit rankings) read from the bottom, so leaders see which procedures to simplify.
 * Answers that named no procedure are left out; thin procedures are listed apart, with no figure.
 */
export function LowestProcedures({ ranking }: { ranking: RankingResult }) {
  const lowest = ranking.ranked
    .filter((r) => r.key !== '')
    .slice(-SHOWN)
    .reverse();
  const thin = ranking.suppressed.filter((r) => r.key !== '');
  return (
    <section className="dash-card" aria-labelledby="rank-procedures-title">
      <h2 id="rank-procedures-title">Thủ tục bị đánh giá thấp nhất</h2>
      {lowest.length === 0 && thin.length === 0 ? (
        <p className="dash-empty">Chưa có đánh giá nào ghi thủ tục trong bộ lọc này.</p>
      ) : (
        <>
          {lowest.length > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Bảng số liệu (cuộn ngang) / Data table">
              <table className="dash-table">
                <caption>Thấp nhất trước (cần đơn giản hóa, cải thiện)</caption>
                <thead>
                  <tr>
                    <th scope="col">Hạng</th>
                    <th scope="col">Thủ tục</th>
                    <th scope="col">Tỷ lệ hài lòng</th>
                    <th scope="col">Khoảng tin cậy 95 %</th>
                    <th scope="col">Số người đánh giá</th>
                    <th scope="col">So với mốc</th>
                  </tr>
                </thead>
                <tbody>
                  {lowest.map((r) => (
                    <tr key={r.key}>
                      <td className="num">{r.rank}</td>
                      <th scope="row">
                        <a href={`/thu-tuc/${encodeURIComponent(r.key)}`}>{r.label}</a>{' '}
                        <span className="muted">({r.key})</span>
                      </th>
                      <td className="num">{formatPercent(r.index)}</td>
                      <td className="num">
                        {formatPercent(r.ci95[0])} – {formatPercent(r.ci95[1])}
                      </td>
                      <td className="num">{formatInt(r.responses)}</td>
                      <td>{VERDICT_WORDS.vi[r.verdict]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <SuppressedList rows={thin} />
        </>
      )}
    </section>
  );
}

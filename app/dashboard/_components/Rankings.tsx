import { formatInt, formatPercent, notEnough } from '@/lib/dashboard/format';
import { VERDICT_WORDS } from '@/lib/indices';
import type { RankingResult } from '@/server/rankings';
import { wrapLabel } from '@/lib/dashboard/chart-text';

import { IndexBars } from './Charts';
import { referenceLines, VERDICT_COLOURS } from './reference-lines';
import './charts.css';
import './rankings.css';

const SHOWN = 5;

/**
 * A ranking with each row's 95 % interval drawn as a bar on a 0–100 scale (the dot is the index)
 * and its verdict against the stated benchmark. "Làm tốt" / "chưa tốt" name rows only from their
 * verdicts (a Holm-corrected test), never from their position. The table is the chart.
 */
export function Ranking({
  id,
  title,
  noun,
  ranking,
}: {
  id: string;
  title: string;
  noun: string;
  ranking: RankingResult;
}) {
  const { ranked, suppressed, benchmark, target } = ranking;
  const best = ranked.slice(0, SHOWN);
  const worst = ranked.length > SHOWN ? ranked.slice(Math.max(SHOWN, ranked.length - SHOWN)) : [];
  const above = ranked.filter((r) => r.verdict === 'above');
  const below = ranked.filter((r) => r.verdict === 'below');
  const rows = (list: typeof ranked) =>
    list.map((r) => (
      <tr key={r.key} data-verdict={r.verdict}>
        <td className="num">{r.rank}</td>
        <th scope="row">{r.label}</th>
        <td className="num">{formatPercent(r.index)}</td>
        <td className="ci-cell">
          <span className="visually-hidden">
            KTC 95 % {formatPercent(r.ci95[0])} – {formatPercent(r.ci95[1])}
          </span>
          <span className="ci-bar" aria-hidden="true">
            <span
              className="ci-bar__range"
              style={{ left: `${r.ci95[0]}%`, width: `${Math.max(0.5, r.ci95[1] - r.ci95[0])}%` }}
            />
            <span className="ci-bar__dot" style={{ left: `${r.index}%` }} />
          </span>
        </td>
        <td className="num">{formatInt(r.responses)}</td>
        <td>{VERDICT_WORDS.vi[r.verdict]}</td>
      </tr>
    ));
  const head = (
    <thead>
      <tr>
        <th scope="col">Hạng</th>
        <th scope="col">Tên</th>
        <th scope="col">Chỉ số</th>
        <th scope="col">Khoảng tin cậy 95 %</th>
        <th scope="col">Người trả lời</th>
        <th scope="col">Kết luận</th>
      </tr>
    </thead>
  );
  return (
    <section className="dash-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {ranked.length === 0 && suppressed.length === 0 ? (
        <p className="dash-empty">Chưa có dữ liệu cho bộ lọc này.</p>
      ) : (
        <>
          {benchmark && (
            <div className="dash-verdicts" data-testid={`${id}-verdicts`}>
              <p className="muted">
                Mốc so sánh: {benchmark.label} {formatPercent(benchmark.index)}
                {target ? ` · ${target.label} ${formatPercent(target.index)}` : ''}. Kiểm định hai phía 95 %, hiệu chỉnh
                Holm cho nhiều so sánh.
              </p>
              {above.length === 0 && below.length === 0 && ranked.length > 0 ? (
                <p data-testid={`${id}-no-difference`}>
                  Chưa {noun} nào khác biệt rõ so với mốc so sánh: chênh lệch giữa các {noun} nằm trong sai số thống kê.
                </p>
              ) : (
                <>
                  {above.length > 0 && (
                    <p>
                      <strong>Làm tốt</strong> (cao hơn mốc có ý nghĩa thống kê): {above.map((r) => r.label).join('; ')}
                      .
                    </p>
                  )}
                  {below.length > 0 && (
                    <p>
                      <strong>Chưa tốt</strong> (thấp hơn mốc có ý nghĩa thống kê):{' '}
                      {below.map((r) => r.label).join('; ')}.
                    </p>
                  )}
                </>
              )}
            </div>
          )}
          {ranked.length > 0 && (
            <div data-testid={`${id}-chart`}>
              <IndexBars
                labels={[...best, ...worst].map((r) => wrapLabel(`${r.rank}. ${r.label}`, 36))}
                values={[...best, ...worst].map((r) => r.index)}
                texts={[...best, ...worst].map((r) => formatPercent(r.index))}
                intervals={[...best, ...worst].map((r) => r.ci95)}
                lines={referenceLines(benchmark, target)}
                colours={[...best, ...worst].map((r) => VERDICT_COLOURS[r.verdict])}
              />
              <p className="muted dash-legend">
                Thanh: chỉ số; vạch đen: khoảng tin cậy 95 %; nét đứt: mốc so sánh. Màu: xanh lá làm tốt, đỏ chưa tốt,
                xanh nhạt chưa khác biệt rõ.
              </p>
            </div>
          )}
          {ranked.length > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Bảng số liệu (cuộn ngang) / Data table">
              <table className="dash-table">
                <caption>{worst.length > 0 ? 'Cao nhất' : 'Xếp hạng'}</caption>
                {head}
                <tbody>{rows(best)}</tbody>
              </table>
              {worst.length > 0 && (
                <table className="dash-table">
                  <caption>Thấp nhất</caption>
                  {head}
                  <tbody>{rows(worst)}</tbody>
                </table>
              )}
            </div>
          )}
          <SuppressedList rows={suppressed} />
        </>
      )}
    </section>
  );
}

/** The rows under MIN_RESPONSES respondents: named with their n, never ranked. */
export function SuppressedList({ rows }: { rows: readonly { key: string; label: string; responses: number }[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="dash-suppressed">
      <h3>Chưa đủ dữ liệu để xếp hạng</h3>
      <ul>
        {rows.map((s) => (
          <li key={s.key}>
            {s.label}: {notEnough(s.responses)}
          </li>
        ))}
      </ul>
    </div>
  );
}

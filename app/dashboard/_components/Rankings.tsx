import { formatInt, formatPercent, notEnough } from '@/lib/dashboard/format';
import type { RankingWithResponses } from '@/server/rankings';

const SHOWN = 5;

/**
 * Best and worst of a ranking with each row's 95 % interval drawn as a bar on a 0–100 scale
 * (the dot is the index). The table is the chart: it reads the same with or without sight.
 */
export function Ranking({ id, title, ranking }: { id: string; title: string; ranking: RankingWithResponses }) {
  const { ranked, suppressed } = ranking;
  const best = ranked.slice(0, SHOWN);
  const worst = ranked.length > SHOWN ? ranked.slice(Math.max(SHOWN, ranked.length - SHOWN)) : [];
  const rows = (list: typeof ranked) =>
    list.map((r) => (
      <tr key={r.key}>
        <td className="num">{r.rank}</td>
        <th scope="row">{r.label}</th>
        <td className="num">{formatPercent(r.index)}</td>
        <td className="ci-cell">
          <span className="visually-hidden">
            KTC 95 % {formatPercent(r.ci95[0])} – {formatPercent(r.ci95[1])}
          </span>
          <span className="ci-bar" aria-hidden="true">
            <span className="ci-bar__range" style={{ left: `${r.ci95[0]}%`, width: `${Math.max(0.5, r.ci95[1] - r.ci95[0])}%` }} />
            <span className="ci-bar__dot" style={{ left: `${r.index}%` }} />
          </span>
        </td>
        <td className="num">{formatInt(r.n)}</td>
      </tr>
    ));
  const head = (
    <thead>
      <tr>
        <th scope="col">Hạng</th>
        <th scope="col">Tên</th>
        <th scope="col">Tỷ lệ hài lòng</th>
        <th scope="col">Khoảng tin cậy 95 %</th>
        <th scope="col">Số câu trả lời</th>
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
          {ranked.length > 0 && (
            <div className="dash-table-wrap" tabIndex={0} role="region" aria-label="Bảng số liệu (cuộn ngang) / Data table">
              <table className="dash-table">
                <caption>{worst.length > 0 ? 'Cao nhất' : 'Xếp hạng'}</caption>
                {head}
                <tbody>{rows(best)}</tbody>
              </table>
              {worst.length > 0 && (
                <table className="dash-table">
                  <caption>Thấp nhất (cần cải thiện)</caption>
                  {head}
                  <tbody>{rows(worst)}</tbody>
                </table>
              )}
            </div>
          )}
          {suppressed.length > 0 && (
            <div className="dash-suppressed">
              <h3>Chưa đủ dữ liệu để xếp hạng</h3>
              <ul>
                {suppressed.map((s) => (
                  <li key={s.key}>
                    {s.label}: {notEnough(s.n)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

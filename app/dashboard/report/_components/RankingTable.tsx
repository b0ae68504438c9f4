import { formatInt, formatPercent, notEnough } from '@/lib/dashboard/format';
import { VERDICT_WORDS } from '@/lib/indices';
import type { RankingResult } from '@/server/rankings';

import { referenceLines, VERDICT_COLOURS } from '../../_components/reference-lines';
import { ReportBars } from './ReportBars';

/** A ranking for print: bars with their intervals and the benchmarks, then the table with every row. */
export function RankingTable({ title, ranking }: { title: string; ranking: RankingResult }) {
  const named = ranking.ranked.some((r) => r.verdict !== 'within');
  return (
    <section className="report__section report__keep">
      <h2>{title}</h2>
      {ranking.ranked.length === 0 && ranking.suppressed.length === 0 ? (
        <p>Chưa có dữ liệu.</p>
      ) : (
        <>
          {ranking.benchmark && (
            <p>
              Mốc so sánh: {ranking.benchmark.label} {formatPercent(ranking.benchmark.index)}
              {ranking.target ? `; ${ranking.target.label} ${formatPercent(ranking.target.index)}` : ''}.
              {!named && ranking.ranked.length > 0 && ' Không có trường hợp nào khác biệt rõ so với mốc so sánh.'}
            </p>
          )}
          {ranking.ranked.length > 0 && (
            <ReportBars
              title={title}
              lines={referenceLines(ranking.benchmark, ranking.target)}
              rows={ranking.ranked.map((r) => ({
                key: r.key,
                label: `${r.rank}. ${r.label}`,
                index: r.index,
                ci95: r.ci95,
                text: formatPercent(r.index),
                colour: VERDICT_COLOURS[r.verdict],
              }))}
            />
          )}
          <table className="report__table report__table--grid">
            <thead>
              <tr>
                <th scope="col">Hạng</th>
                <th scope="col">Tên</th>
                <th scope="col">Chỉ số</th>
                <th scope="col">KTC 95 %</th>
                <th scope="col">Người trả lời</th>
                <th scope="col">Kết luận</th>
              </tr>
            </thead>
            <tbody>
              {ranking.ranked.map((r) => (
                <tr key={r.key}>
                  <td className="num">{r.rank}</td>
                  <th scope="row">{r.label}</th>
                  <td className="num">{formatPercent(r.index)}</td>
                  <td className="num">
                    {formatPercent(r.ci95[0])} – {formatPercent(r.ci95[1])}
                  </td>
                  <td className="num">{formatInt(r.responses)}</td>
                  <td>{VERDICT_WORDS.vi[r.verdict]}</td>
                </tr>
              ))}
              {ranking.suppressed.map((r) => (
                <tr key={r.key} className="report__muted">
                  <td>–</td>
                  <th scope="row">{r.label}</th>
                  <td colSpan={2}>{notEnough(r.responses)}</td>
                  <td className="num">{formatInt(r.responses)}</td>
                  <td>–</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

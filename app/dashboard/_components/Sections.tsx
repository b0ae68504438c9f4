import { formatBucket, formatInt, formatPercent, notEnough } from '@/lib/dashboard/format';
import type { DashboardData } from '@/server/dashboard';

import { byIndexDescending, wrapLabel } from '@/lib/dashboard/chart-text';

import { ChannelChart, DistributionBars, IndexBars, TrendChart, VolumeChart } from './Charts';
import { Figure } from './Figure';
import { referenceLines } from './reference-lines';

const FIVE_POINT = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];
const THREE_LEVEL = ['Không hài lòng', 'Hài lòng', 'Rất hài lòng'];

function valueLabels(values: string[]): string[] {
  if (values.length === 5) return FIVE_POINT;
  if (values.length === 3) return THREE_LEVEL;
  return values;
}

const UNIT_WORDS = { day: 'ngày', week: 'tuần', month: 'tháng', quarter: 'quý' } as const;

export function TrendSection({ data }: { data: DashboardData }) {
  const { points, unit, reference } = data.trend;
  const labels = points.map((p) => formatBucket(p.bucket));
  const ref = reference
    ? { label: `SIPAS toàn quốc ${reference.year}: ${formatPercent(reference.index)}`, value: reference.index }
    : null;
  return (
    <Figure
      id="trend"
      title="Xu hướng tỷ lệ hài lòng"
      subtitle={`Theo ${UNIT_WORDS[unit]}; chỉ số hài lòng (cùng phương pháp với chỉ số chung)${ref ? `; đường nét đứt: ${ref.label}` : ''}.`}
      empty={points.every((p) => p.responses === 0)}
      chart={
        <>
          <TrendChart labels={labels} index={points.map((p) => p.index)} reference={ref} />
          <VolumeChart labels={labels} responses={points.map((p) => p.responses)} />
        </>
      }
      table={
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">Kỳ</th>
              <th scope="col">Số phiếu</th>
              <th scope="col">Chỉ số</th>
              <th scope="col">KTC 95 %</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={p.bucket}>
                <th scope="row">{labels[i]}</th>
                <td className="num">{formatInt(p.responses)}</td>
                <td className="num">
                  {p.index === null ? (p.responses === 0 ? '–' : notEnough(p.responses)) : formatPercent(p.index)}
                </td>
                <td className="num">{p.ci95 ? `${formatPercent(p.ci95[0])} – ${formatPercent(p.ci95[1])}` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

const ciText = (ci: readonly [number, number] | null) =>
  ci ? `${formatPercent(ci[0])} – ${formatPercent(ci[1])}` : '–';

export function ElementSection({ data }: { data: DashboardData }) {
  const dims = data.indices.dimensions;
  // Within each element, the strongest criterion first; the elements keep the survey's order.
  const groups = dims.map((d) => ({ ...d, criteria: byIndexDescending(d.criteria) }));
  const criteria = groups.flatMap((d) => d.criteria.map((c) => ({ ...c, element: d.title })));
  const values = Object.keys(criteria[0]?.distribution ?? {});
  const labelsOfValues = valueLabels(values);
  const { benchmark, target } = data.rankings.units;
  const share = (c: { n: number; distribution: Record<string, number> }, v: string) =>
    c.n === 0 ? 0 : Math.round(((c.distribution[v] ?? 0) / c.n) * 1000) / 10;
  return (
    <>
      <Figure
        id="elements"
        title="Chỉ số theo yếu tố"
        subtitle="Trung bình các tiêu chí của yếu tố; tiêu chí chưa đủ dữ liệu không tính. Vạch đen: khoảng tin cậy 95 %; nét đứt: mốc so sánh."
        empty={data.indices.responses === 0}
        chart={
          <IndexBars
            labels={dims.map((d) => wrapLabel(d.title))}
            values={dims.map((d) => d.index)}
            texts={dims.map((d) => (d.suppressed ? null : formatPercent(d.index)))}
            intervals={dims.map((d) => d.ci95)}
            lines={referenceLines(benchmark, target)}
          />
        }
        table={
          <table className="dash-table">
            <thead>
              <tr>
                <th scope="col">Yếu tố</th>
                <th scope="col">Chỉ số</th>
                <th scope="col">KTC 95 %</th>
                <th scope="col">Số tiêu chí</th>
              </tr>
            </thead>
            <tbody>
              {dims.map((d) => (
                <tr key={d.name}>
                  <th scope="row">{d.title}</th>
                  <td className="num">{d.suppressed ? 'chưa đủ dữ liệu' : formatPercent(d.index)}</td>
                  <td className="num">{ciText(d.ci95)}</td>
                  <td className="num">{d.criteria.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <Figure
        id="criteria"
        title="Tiêu chí: chỉ số và phân bố câu trả lời"
        subtitle="Theo từng yếu tố, tiêu chí có chỉ số cao nhất trước. Mỗi thanh là 100 % câu trả lời của tiêu chí, chia theo mức đánh giá (số trong thanh: %); bên phải: chỉ số của tiêu chí."
        empty={criteria.every((c) => c.n === 0)}
        chart={groups
          .filter((d) => d.criteria.length > 0)
          .map((d, g) => (
            <div key={d.name} className="dash-chart-group" data-testid={`criteria-${d.name}`}>
              <h3>
                {d.title}: {d.suppressed ? 'chưa đủ dữ liệu' : formatPercent(d.index)}
              </h3>
              <DistributionBars
                labels={d.criteria.map((c) => wrapLabel(c.title, 48))}
                legend={g === 0}
                values={values}
                valueLabels={labelsOfValues}
                shares={d.criteria.map((c) => values.map((v) => share(c, v)))}
                totals={d.criteria.map((c) => (c.suppressed ? notEnough(c.n) : formatPercent(c.index)))}
              />
            </div>
          ))}
        table={
          <table className="dash-table">
            <thead>
              <tr>
                <th scope="col">Tiêu chí</th>
                <th scope="col">Chỉ số</th>
                <th scope="col">KTC 95 %</th>
                <th scope="col">n</th>
                {labelsOfValues.map((l) => (
                  <th key={l} scope="col">
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {criteria.map((c) => (
                <tr key={c.question}>
                  <th scope="row">{c.title}</th>
                  <td className="num">{c.suppressed ? notEnough(c.n) : formatPercent(c.index)}</td>
                  <td className="num">{ciText(c.ci95)}</td>
                  <td className="num">{formatInt(c.n)}</td>
                  {values.map((v) => (
                    <td key={v} className="num">
                      {formatInt(c.distribution[v] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </>
  );
}

export function ChannelSection({ data }: { data: DashboardData }) {
  const total = data.channels.reduce((s, c) => s + c.responses, 0);
  const shares = data.channels.map((c) => (total === 0 ? 0 : Math.round((c.responses / total) * 1000) / 10));
  const shareTexts = shares.map((s) => (total === 0 ? '–' : formatPercent(s)));
  return (
    <Figure
      id="channels"
      title="Kênh đánh giá"
      empty={total === 0}
      chart={
        <ChannelChart
          labels={data.channels.map((c) => c.label)}
          responses={data.channels.map((c) => c.responses)}
          shares={shares}
          shareTexts={shareTexts}
        />
      }
      table={
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">Kênh</th>
              <th scope="col">Số phiếu</th>
              <th scope="col">Tỷ trọng</th>
              <th scope="col">Chỉ số</th>
            </tr>
          </thead>
          <tbody>
            {data.channels.map((c, i) => (
              <tr key={c.channel}>
                <th scope="row">{c.label}</th>
                <td className="num">{formatInt(c.responses)}</td>
                <td className="num">{shareTexts[i]}</td>
                <td className="num">
                  {c.index === null ? (c.responses === 0 ? '–' : notEnough(c.responses)) : formatPercent(c.index)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

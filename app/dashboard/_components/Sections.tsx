import { formatBucket, formatInt, formatPercent, notEnough } from '@/lib/dashboard/format';
import type { DashboardData } from '@/server/dashboard';

import { ChannelChart, DistributionBars, IndexBars, TrendChart, VolumeChart } from './Charts';
import { Figure } from './Figure';

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

export function ElementSection({ data }: { data: DashboardData }) {
  const dims = data.indices.dimensions;
  const criteria = dims.flatMap((d) => d.criteria.map((c) => ({ ...c, element: d.title })));
  const values = Object.keys(criteria[0]?.distribution ?? {});
  const labelsOfValues = valueLabels(values);
  return (
    <>
      <Figure
        id="elements"
        title="Chỉ số theo yếu tố"
        subtitle="Trung bình các tiêu chí của yếu tố; tiêu chí chưa đủ dữ liệu không tính."
        empty={data.indices.responses === 0}
        chart={<IndexBars labels={dims.map((d) => d.title)} values={dims.map((d) => d.index)} />}
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
                  <td className="num">{d.ci95 ? `${formatPercent(d.ci95[0])} – ${formatPercent(d.ci95[1])}` : '–'}</td>
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
        subtitle="Mỗi thanh là 100 % câu trả lời của tiêu chí, chia theo mức đánh giá."
        empty={criteria.every((c) => c.n === 0)}
        chart={
          <DistributionBars
            labels={criteria.map((c) => (c.title.length > 60 ? `${c.title.slice(0, 60)}…` : c.title))}
            values={values}
            valueLabels={labelsOfValues}
            shares={criteria.map((c) =>
              values.map((v) => (c.n === 0 ? 0 : Math.round(((c.distribution[v] ?? 0) / c.n) * 1000) / 10)),
            )}
          />
        }
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
                  <td className="num">{c.ci95 ? `${formatPercent(c.ci95[0])} – ${formatPercent(c.ci95[1])}` : '–'}</td>
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
  return (
    <Figure
      id="channels"
      title="Kênh đánh giá"
      empty={total === 0}
      chart={
        <ChannelChart labels={data.channels.map((c) => c.label)} responses={data.channels.map((c) => c.responses)} />
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
            {data.channels.map((c) => (
              <tr key={c.channel}>
                <th scope="row">{c.label}</th>
                <td className="num">{formatInt(c.responses)}</td>
                <td className="num">
                  {total === 0 ? '–' : formatPercent(Math.round((c.responses / total) * 1000) / 10)}
                </td>
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

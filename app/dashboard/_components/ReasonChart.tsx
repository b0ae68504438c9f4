'use client';

// The reasons of the dissatisfied as horizontal bars of the share of respondents, each with its
// 95 % interval drawn as a whisker and its count and share written at the bar's end.
import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';

import { barAnnotations } from './chart-plugins';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip);

export type ReasonBar = { label: string; count: number; share: number; ci95: [number, number] | null };

export function ReasonChart({ bars }: { bars: ReasonBar[] }) {
  const max = Math.min(100, Math.ceil((Math.max(10, ...bars.map((b) => b.ci95?.[1] ?? b.share)) + 15) / 10) * 10);
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { x: { min: 0, max, ticks: { callback: (v) => `${v} %` } }, y: { ticks: { autoSkip: false } } },
    plugins: { legend: { display: false } },
  };
  return (
    <div className="chart-box" style={{ height: `${Math.max(160, bars.length * 40 + 40)}px` }}>
      <Bar
        data={{
          labels: bars.map((b) => b.label),
          datasets: [{ label: 'Tỷ lệ người chọn (%)', data: bars.map((b) => b.share), backgroundColor: '#c96b5a' }],
        }}
        options={options}
        plugins={[
          barAnnotations({
            values: bars.map((b) => `${b.count} · ${b.share.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`),
            intervals: bars.map((b) => b.ci95),
          }),
        ]}
        aria-hidden="true"
      />
    </div>
  );
}

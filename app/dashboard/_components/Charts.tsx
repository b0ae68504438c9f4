'use client';

// Chart.js canvases for the dashboard. Each is drawn inside a <figure> whose data table (server
// rendered) carries the same numbers for screen readers, keyboard users and printing.
import {
  ArcElement,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
} from 'chart.js';
import { Bar, Doughnut, Line } from 'react-chartjs-2';

ChartJS.register(ArcElement, BarElement, CategoryScale, Legend, LinearScale, LineElement, PointElement, Tooltip);

const BRAND = '#0b4f8a';
const REFERENCE = '#8a4b00';
// Rất không hài lòng … Rất hài lòng; on a 3-level scale the first, middle and last are used.
const SCALE_COLOURS = ['#a4161a', '#e07a1f', '#9aa5b1', '#6aa84f', '#1d6b35'];

export function scaleColours(count: number): string[] {
  if (count === 5) return SCALE_COLOURS;
  if (count === 3) return [SCALE_COLOURS[0]!, SCALE_COLOURS[3]!, SCALE_COLOURS[4]!];
  return Array.from({ length: count }, (_, i) => SCALE_COLOURS[Math.round((i * 4) / Math.max(1, count - 1))]!);
}

const percentAxis = { min: 0, max: 100, ticks: { callback: (v: string | number) => `${v} %` } };

export function TrendChart(props: {
  labels: string[];
  index: (number | null)[];
  reference: { label: string; value: number } | null;
}) {
  const datasets = [
    {
      type: 'line' as const,
      label: 'Tỷ lệ hài lòng (%)',
      data: props.index,
      borderColor: BRAND,
      backgroundColor: BRAND,
      spanGaps: false,
      yAxisID: 'y',
      tension: 0.2,
    },
    ...(props.reference
      ? [
          {
            type: 'line' as const,
            label: props.reference.label,
            data: props.labels.map(() => props.reference!.value),
            borderColor: REFERENCE,
            borderDash: [6, 4],
            pointRadius: 0,
            yAxisID: 'y',
          },
        ]
      : []),
  ];
  // Zoomed to the data (in steps of 10) so that a change of a few points is visible.
  const shown = [
    ...props.index.filter((v): v is number => v !== null),
    ...(props.reference ? [props.reference.value] : []),
  ];
  const min = shown.length === 0 ? 0 : Math.max(0, Math.floor((Math.min(...shown) - 5) / 10) * 10);
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { y: { ...percentAxis, min } },
    plugins: { legend: { position: 'bottom' } },
  };
  return (
    <div className="chart-box">
      <Line data={{ labels: props.labels, datasets }} options={options} aria-hidden="true" />
    </div>
  );
}

export function VolumeChart(props: { labels: string[]; responses: number[] }) {
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { display: false } },
  };
  return (
    <div className="chart-box chart-box--small">
      <Bar
        data={{
          labels: props.labels,
          datasets: [{ label: 'Số phiếu', data: props.responses, backgroundColor: '#7fa6cc' }],
        }}
        options={options}
        aria-hidden="true"
      />
    </div>
  );
}

/** Index per element (or per criterion) as horizontal bars, 0–100 %. */
export function IndexBars(props: { labels: string[]; values: (number | null)[] }) {
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { x: percentAxis },
    plugins: { legend: { display: false } },
  };
  return (
    <div className="chart-box" style={{ height: `${Math.max(160, props.labels.length * 40)}px` }}>
      <Bar
        data={{ labels: props.labels, datasets: [{ label: 'Chỉ số (%)', data: props.values, backgroundColor: BRAND }] }}
        options={options}
        aria-hidden="true"
      />
    </div>
  );
}

/** Each criterion's answers stacked by value, as shares of its answers. */
export function DistributionBars(props: {
  labels: string[];
  values: string[];
  valueLabels: string[];
  shares: number[][];
}) {
  const colours = scaleColours(props.values.length);
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { x: { ...percentAxis, stacked: true }, y: { stacked: true } },
    plugins: { legend: { position: 'bottom' } },
  };
  return (
    <div className="chart-box" style={{ height: `${Math.max(200, props.labels.length * 32 + 60)}px` }}>
      <Bar
        data={{
          labels: props.labels,
          datasets: props.values.map((v, i) => ({
            label: props.valueLabels[i] ?? v,
            data: props.shares.map((row) => row[i] ?? 0),
            backgroundColor: colours[i],
          })),
        }}
        options={options}
        aria-hidden="true"
      />
    </div>
  );
}

export function ChannelChart(props: { labels: string[]; responses: number[] }) {
  const options: ChartOptions<'doughnut'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { position: 'bottom' } },
  };
  return (
    <div className="chart-box chart-box--small">
      <Doughnut
        data={{
          labels: props.labels,
          datasets: [
            { label: 'Số phiếu', data: props.responses, backgroundColor: [BRAND, '#2e8b57', '#e07a1f', '#7b5ea7'] },
          ],
        }}
        options={options}
        aria-hidden="true"
      />
    </div>
  );
}

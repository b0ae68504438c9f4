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

import { arcShares, barAnnotations, segmentShares, type Interval, type ReferenceLine } from './chart-plugins';

ChartJS.register(ArcElement, BarElement, CategoryScale, Legend, LinearScale, LineElement, PointElement, Tooltip);

const BRAND = '#0b4f8a';
// Lighter than the brand colour, so the black whisker and the value stay readable on the bar.
const BRAND_LIGHT = '#6f9fcf';
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

// Wide enough for a criterion wrapped at 48 characters at Chart.js's 12 px.
const LABEL_COLUMN = 320;

/** One line of text per row of a chart's category axis; a long label wrapped, never cut. */
type Label = string | string[];

/** Pixels a horizontal bar chart needs for its rows, their wrapped labels and the reference labels above. */
function barsHeight(labels: readonly Label[], perRow: number, extra: number): number {
  const lines = labels.reduce<number>((sum, l) => sum + (Array.isArray(l) ? l.length : 1), 0);
  return Math.max(140, labels.length * perRow + Math.max(0, lines - labels.length) * 14 + extra);
}

/**
 * Indices as horizontal bars on 0–100 %: the value written at each bar, its 95 % interval as a
 * whisker and the benchmarks (national figure, the department's target) as dashed lines.
 */
export function IndexBars(props: {
  labels: Label[];
  values: (number | null)[];
  /** The value as the data table writes it, drawn at the bar. */
  texts: (string | null)[];
  intervals?: (Interval | null)[];
  lines?: ReferenceLine[];
  colours?: string[];
}) {
  const lines = props.lines ?? [];
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    layout: { padding: { top: lines.length * 14 + 8, right: 8 } },
    scales: { x: percentAxis, y: { ticks: { autoSkip: false, color: '#1f2933' } } },
    plugins: { legend: { display: false } },
  };
  return (
    <div className="chart-box" style={{ height: `${barsHeight(props.labels, 36, 50 + lines.length * 14)}px` }}>
      <Bar
        data={{
          labels: props.labels,
          datasets: [{ label: 'Chỉ số (%)', data: props.values, backgroundColor: props.colours ?? BRAND_LIGHT }],
        }}
        options={options}
        plugins={[barAnnotations({ values: props.texts, intervals: props.intervals, lines })]}
        aria-hidden="true"
      />
    </div>
  );
}

/**
 * Each criterion's answers stacked by value, as shares of its answers (written in the segments
 * wide enough), with the criterion's index written at the end of its row.
 */
export function DistributionBars(props: {
  labels: Label[];
  values: string[];
  valueLabels: string[];
  shares: number[][];
  /** Each row's index as the data table writes it. */
  totals: string[];
  /** Show the legend of the answer levels (once, when several charts stand one under another). */
  legend?: boolean;
}) {
  const colours = scaleColours(props.values.length);
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    layout: { padding: { right: 72 } },
    scales: {
      x: { ...percentAxis, stacked: true },
      y: {
        stacked: true,
        ticks: { autoSkip: false, color: '#1f2933' },
        // The same label column in every chart of a figure, so the bars line up one under another.
        afterFit: (scale) => {
          scale.width = Math.max(scale.width, Math.min(LABEL_COLUMN, scale.chart.width * 0.4));
        },
      },
    },
    plugins: { legend: { display: props.legend ?? true, position: 'top' } },
  };
  return (
    <div
      className="chart-box"
      style={{ height: `${barsHeight(props.labels, 34, props.legend === false ? 40 : 70)}px` }}
    >
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
        plugins={[segmentShares(props.totals)]}
        aria-hidden="true"
      />
    </div>
  );
}

/** The channel mix as a doughnut, each arc's share written on it and in the legend. */
export function ChannelChart(props: {
  labels: string[];
  responses: number[];
  /** Shares in percent, and as the data table writes them (for the legend). */
  shares: number[];
  shareTexts: string[];
}) {
  const options: ChartOptions<'doughnut'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    cutout: '45%',
    plugins: { legend: { position: 'bottom' } },
  };
  return (
    <div className="chart-box chart-box--doughnut">
      <Doughnut
        data={{
          labels: props.labels.map((l, i) => `${l}: ${props.shareTexts[i] ?? ''}`),
          datasets: [
            { label: 'Số phiếu', data: props.responses, backgroundColor: [BRAND, '#2e8b57', '#e07a1f', '#7b5ea7'] },
          ],
        }}
        options={options}
        plugins={[arcShares(props.shares)]}
        aria-hidden="true"
      />
    </div>
  );
}

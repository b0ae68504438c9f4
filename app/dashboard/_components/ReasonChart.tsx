'use client';

// The reasons of the dissatisfied as horizontal bars of the share of respondents, each with its
// 95 % interval drawn as a whisker and its count and share written at the bar's end.
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  LinearScale,
  Tooltip,
  type ChartOptions,
  type Plugin,
} from 'chart.js';
import { Bar } from 'react-chartjs-2';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip);

export type ReasonBar = { label: string; count: number; share: number; ci95: [number, number] | null };

export function ReasonChart({ bars }: { bars: ReasonBar[] }) {
  const whiskers: Plugin<'bar'> = {
    id: 'whiskers',
    afterDatasetsDraw(chart) {
      const { ctx, scales } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.strokeStyle = '#1f2933';
      ctx.lineWidth = 2;
      ctx.fillStyle = '#1f2933';
      ctx.font = '12px system-ui, sans-serif';
      bars.forEach((bar, i) => {
        const y = meta.data[i]?.y;
        if (y === undefined) return;
        let end = scales.x!.getPixelForValue(bar.share);
        if (bar.ci95) {
          const [lo, hi] = bar.ci95.map((v) => scales.x!.getPixelForValue(v)) as [number, number];
          ctx.beginPath();
          ctx.moveTo(lo, y);
          ctx.lineTo(hi, y);
          ctx.moveTo(lo, y - 6);
          ctx.lineTo(lo, y + 6);
          ctx.moveTo(hi, y - 6);
          ctx.lineTo(hi, y + 6);
          ctx.stroke();
          end = Math.max(end, hi);
        }
        ctx.fillText(
          `${bar.count} · ${bar.share.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`,
          end + 6,
          y + 4,
        );
      });
      ctx.restore();
    },
  };
  const max = Math.min(100, Math.ceil((Math.max(10, ...bars.map((b) => b.ci95?.[1] ?? b.share)) + 15) / 10) * 10);
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { x: { min: 0, max, ticks: { callback: (v) => `${v} %` } } },
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
        plugins={[whiskers]}
        aria-hidden="true"
      />
    </div>
  );
}

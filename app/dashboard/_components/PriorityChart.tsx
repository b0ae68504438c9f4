'use client';

// Importance × performance: each criterion a point, with dashed lines at the medians that split
// the four quadrants. The data table beside it (server rendered) carries the same numbers.
import { Chart as ChartJS, LinearScale, PointElement, Tooltip, type ChartOptions, type Plugin } from 'chart.js';
import { Scatter } from 'react-chartjs-2';

ChartJS.register(LinearScale, PointElement, Tooltip);

export type PriorityPoint = { label: string; importance: number; index: number; fixFirst: boolean };

const FIX_FIRST = '#a4161a';
const OTHER = '#0b4f8a';

export function PriorityChart(props: { points: PriorityPoint[]; importanceMedian: number; indexMedian: number }) {
  const medians: Plugin<'scatter'> = {
    id: 'medians',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x!.getPixelForValue(props.indexMedian);
      const y = scales.y!.getPixelForValue(props.importanceMedian);
      ctx.save();
      ctx.strokeStyle = '#8a4b00';
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.moveTo(chartArea.left, y);
      ctx.lineTo(chartArea.right, y);
      ctx.stroke();
      ctx.fillStyle = FIX_FIRST;
      ctx.font = '600 12px system-ui, sans-serif';
      ctx.fillText('Cần cải thiện trước', chartArea.left + 6, chartArea.top + 14);
      ctx.restore();
    },
  };
  const options: ChartOptions<'scatter'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      x: { title: { display: true, text: 'Mức độ hài lòng của tiêu chí (%)' }, ticks: { callback: (v) => `${v} %` } },
      y: { title: { display: true, text: 'Tầm quan trọng (% R²)' }, min: 0, ticks: { callback: (v) => `${v} %` } },
    },
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: (item) => `${props.points[item.dataIndex]?.label ?? ''}: ${item.parsed.x} %, ${item.parsed.y} %`,
        },
      },
    },
  };
  return (
    <div className="chart-box">
      <Scatter
        data={{
          datasets: [
            {
              label: 'Tiêu chí',
              data: props.points.map((p) => ({ x: p.index, y: p.importance })),
              pointBackgroundColor: props.points.map((p) => (p.fixFirst ? FIX_FIRST : OTHER)),
              pointRadius: 5,
            },
          ],
        }}
        options={options}
        plugins={[medians]}
        aria-hidden="true"
      />
    </div>
  );
}

// Our own Chart.js plugins for readable bars: the value written at each bar, its 95 % interval as
// a whisker, reference lines (a benchmark, a target), shares inside stacked segments and on the
// arcs of a doughnut. A few dozen lines each, so no third-party plugin is needed (README,
// "Dependencies"). Each one records what it drew on the canvas (`data-drawn`, `data-labels`) so
// that a browser test can compare it with the data table (tests/e2e/dashboard-charts.test.ts).
import type { Chart, Plugin } from 'chart.js';
import { toFont } from 'chart.js/helpers';

export type Interval = readonly [number, number];
/** A benchmark (the national figure, or all units') or the department's target, drawn as a dashed line. */
export type ReferenceLine = { value: number; label: string; kind: 'benchmark' | 'target' };

const LINE_COLOURS: Record<ReferenceLine['kind'], string> = { benchmark: '#8a4b00', target: '#6a1b9a' };

const INK = '#1f2933';
const FONT = '12px system-ui, sans-serif';
const BOLD = '600 12px system-ui, sans-serif';

/** The category axis of a bar chart: y for horizontal bars. */
function categoryScale(chart: Chart) {
  return chart.options.indexAxis === 'y' ? chart.scales.y : chart.scales.x;
}

/**
 * Records on the canvas the category labels the axis drew (each an array of lines) and whether
 * the widest line fits in the axis, so a test can see that no label was cut or pushed off.
 */
function recordLabels(chart: Chart): void {
  const scale = categoryScale(chart);
  if (!scale) return;
  const { ctx } = chart;
  ctx.save();
  const font = (scale.options as { ticks?: { font?: unknown } }).ticks?.font;
  ctx.font = toFont(typeof font === 'object' && font !== null ? font : {}).string;
  const labels = scale.ticks.map((t) => (Array.isArray(t.label) ? t.label.map(String) : [String(t.label ?? '')]));
  const widest = Math.max(0, ...labels.flat().map((l) => ctx.measureText(l).width));
  ctx.restore();
  chart.canvas.dataset.labels = JSON.stringify(labels);
  chart.canvas.dataset.labelsFit = String(
    chart.options.indexAxis !== 'y' || (scale.left >= 0 && widest <= scale.width),
  );
}

/** Dark text on a white box, readable on any bar colour and over a reference line. */
function label(ctx: CanvasRenderingContext2D, text: string, left: number, y: number, width: number): void {
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.fillRect(left - 3, y - 8, width + 6, 16);
  ctx.fillStyle = INK;
  ctx.fillText(text, left, y);
}

function verticalLines(chart: Chart, lines: readonly ReferenceLine[]): void {
  const { ctx, chartArea, scales } = chart;
  ctx.save();
  ctx.font = BOLD;
  ctx.setLineDash([6, 4]);
  ctx.lineWidth = 2;
  lines.forEach((line, i) => {
    const x = scales.x!.getPixelForValue(line.value);
    ctx.strokeStyle = LINE_COLOURS[line.kind];
    ctx.beginPath();
    ctx.moveTo(x, chartArea.top);
    ctx.lineTo(x, chartArea.bottom);
    ctx.stroke();
    ctx.fillStyle = LINE_COLOURS[line.kind];
    const width = ctx.measureText(line.label).width;
    // Written above the plot, right-aligned on the line when it would leave the canvas.
    const left = Math.min(Math.max(chartArea.left, x - width / 2), chartArea.right - width);
    ctx.fillText(line.label, left, chartArea.top - 6 - 14 * i);
  });
  ctx.restore();
}

/**
 * Horizontal bars annotated: `values[i]` written at the end of bar i (inside it, in white, when
 * it would leave the plot), `intervals[i]` drawn as a whisker, `lines` as dashed verticals with
 * their label above the plot (the chart leaves room with `layout.padding.top`).
 */
export function barAnnotations(a: {
  values: readonly (string | null)[];
  intervals?: readonly (Interval | null)[];
  lines?: readonly ReferenceLine[];
}): Plugin<'bar'> {
  return {
    id: 'barAnnotations',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const meta = chart.getDatasetMeta(0);
      const drawn: (string | null)[] = [];
      let whiskers = 0;
      ctx.save();
      ctx.font = FONT;
      ctx.textBaseline = 'middle';
      meta.data.forEach((bar, i) => {
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        let end = x;
        const ci = a.intervals?.[i];
        if (ci) {
          const [lo, hi] = ci.map((v) => scales.x!.getPixelForValue(v)) as [number, number];
          ctx.strokeStyle = INK;
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.moveTo(lo, y);
          ctx.lineTo(hi, y);
          ctx.moveTo(lo, y - 7);
          ctx.lineTo(lo, y + 7);
          ctx.moveTo(hi, y - 7);
          ctx.lineTo(hi, y + 7);
          ctx.stroke();
          whiskers++;
          end = Math.max(end, hi);
        }
        const text = a.values[i] ?? null;
        drawn.push(text);
        if (text === null) return;
        const width = ctx.measureText(text).width;
        // After the bar and its whisker; when there is no room, inside the bar's end, left of the whisker.
        const left =
          end + 6 + width <= chartArea.right
            ? end + 6
            : Math.max(chartArea.left + 2, (ci ? scales.x!.getPixelForValue(ci[0]) : x) - width - 8);
        label(ctx, text, left, y, width);
      });
      ctx.restore();
      if (a.lines && a.lines.length > 0) verticalLines(chart as unknown as Chart, a.lines);
      chart.canvas.dataset.drawn = JSON.stringify(drawn);
      chart.canvas.dataset.whiskers = String(whiskers);
      recordLabels(chart as unknown as Chart);
    },
  };
}

/**
 * Stacked horizontal bars of shares (each row 100 %): each segment's share written inside it
 * when it is wide enough, and `totals[i]` written right of row i, in the room the chart leaves
 * with `layout.padding.right`.
 */
export function segmentShares(totals: readonly string[]): Plugin<'bar'> {
  return {
    id: 'segmentShares',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = FONT;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        meta.data.forEach((bar, i) => {
          const share = Number(dataset.data[i] ?? 0);
          const { x, base, y } = bar.getProps(['x', 'base', 'y'], true) as { x: number; base: number; y: number };
          const text = `${Math.round(share)}`;
          if (x - base < ctx.measureText(text).width + 6) return;
          ctx.fillStyle = d === 2 && chart.data.datasets.length === 5 ? INK : '#fff';
          ctx.fillText(text, (x + base) / 2, y);
        });
      });
      ctx.textAlign = 'left';
      ctx.font = BOLD;
      ctx.fillStyle = INK;
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        const { y } = bar.getProps(['y'], true) as { y: number };
        if (totals[i] !== undefined) ctx.fillText(totals[i]!, chartArea.right + 8, y);
      });
      ctx.restore();
      chart.canvas.dataset.drawn = JSON.stringify(totals);
      recordLabels(chart as unknown as Chart);
    },
  };
}

/** Each arc's share (percent) written on it, rounded to whole percent, when the arc is large enough. */
export function arcShares(shares: readonly number[]): Plugin<'doughnut'> {
  return {
    id: 'arcShares',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.font = BOLD;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillStyle = '#fff';
      const drawn: (string | null)[] = [];
      meta.data.forEach((arc, i) => {
        const { startAngle, endAngle } = arc.getProps(['startAngle', 'endAngle'], true) as {
          startAngle: number;
          endAngle: number;
        };
        const share = shares[i];
        const text = endAngle - startAngle < 0.3 || share === undefined ? null : `${Math.round(share)} %`;
        drawn.push(text);
        if (text === null) return;
        const { x, y } = arc.tooltipPosition(true);
        if (x !== null && y !== null) ctx.fillText(text, x, y);
      });
      ctx.restore();
      chart.canvas.dataset.drawn = JSON.stringify(drawn);
    },
  };
}

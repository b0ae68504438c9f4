import { wrapLabel } from '@/lib/dashboard/chart-text';

import type { ReferenceLine } from '../../_components/chart-plugins';

export type ReportBar = {
  key: string;
  label: string;
  index: number | null;
  ci95: readonly [number, number] | null;
  /** The value as the table beside writes it; null draws no bar (suppressed). */
  text: string | null;
  /** An element above its criteria: bold, darker. */
  heading?: boolean;
  colour?: string;
};

const WIDTH = 680;
const LABEL = 250;
const PLOT_LEFT = LABEL + 10;
const PLOT_RIGHT = WIDTH - 60;
const LINE = 13;
const LINE_COLOURS: Record<ReferenceLine['kind'], string> = { benchmark: '#8a4b00', target: '#6a1b9a' };

const xOf = (v: number) => PLOT_LEFT + ((PLOT_RIGHT - PLOT_LEFT) * Math.max(0, Math.min(100, v))) / 100;

/**
 * Indices as horizontal bars for print, drawn on the server (no script in a printed document):
 * the whole label wrapped on the left, the value after each bar, its 95 % interval as a whisker,
 * the benchmarks as dashed lines. The table beside it carries the same numbers.
 */
export function ReportBars({ rows, lines, title }: { rows: ReportBar[]; lines: ReferenceLine[]; title: string }) {
  const top = 8 + lines.length * LINE;
  let y = top;
  const laid = rows.map((r) => {
    // About 6 px a character at 11 px: lines of 38 (bold 34) stay inside the 250 px label column.
    const labelLines = wrapLabel(r.label, r.heading ? 34 : 38);
    const height = Math.max(18, labelLines.length * LINE + 5);
    const row = { ...r, labelLines, y, height };
    y += height;
    return row;
  });
  const bottom = y;
  const height = bottom + 18;
  return (
    <svg
      className="report__bars"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={title}
      data-testid="report-bars"
      fontFamily="system-ui, sans-serif"
    >
      {[0, 20, 40, 60, 80, 100].map((v) => (
        <g key={v}>
          <line x1={xOf(v)} x2={xOf(v)} y1={top} y2={bottom} stroke="#dde3ea" />
          <text x={xOf(v)} y={bottom + 13} fontSize="10" textAnchor="middle" fill="#52606d">
            {v} %
          </text>
        </g>
      ))}
      {laid.map((r) => {
        const mid = r.y + r.height / 2;
        const end = r.ci95 ? Math.max(xOf(r.index ?? 0), xOf(r.ci95[1])) : xOf(r.index ?? 0);
        return (
          <g key={r.key} data-bar={r.text ?? ''}>
            <text
              x={LABEL}
              y={mid - ((r.labelLines.length - 1) * LINE) / 2 + 4}
              fontSize="11"
              textAnchor="end"
              fontWeight={r.heading ? 700 : 400}
              fill="#1f2933"
            >
              {r.labelLines.map((l, i) => (
                <tspan key={i} x={LABEL} dy={i === 0 ? 0 : LINE}>
                  {l}
                </tspan>
              ))}
            </text>
            {r.index !== null && r.text !== null && (
              <>
                <rect
                  x={PLOT_LEFT}
                  y={mid - 6}
                  width={xOf(r.index) - PLOT_LEFT}
                  height={12}
                  fill={r.colour ?? (r.heading ? '#0b4f8a' : '#6f9fcf')}
                />
                {r.ci95 && (
                  <path
                    d={`M${xOf(r.ci95[0])} ${mid}H${xOf(r.ci95[1])}M${xOf(r.ci95[0])} ${mid - 5}v10M${xOf(r.ci95[1])} ${mid - 5}v10`}
                    stroke="#1f2933"
                    strokeWidth="1.5"
                    fill="none"
                  />
                )}
                <text x={end + 4} y={mid + 4} fontSize="10.5" fill="#1f2933" className="report__bar-value">
                  {r.text}
                </text>
              </>
            )}
            {r.text === null && (
              <text x={PLOT_LEFT + 4} y={mid + 4} fontSize="10" fill="#52606d">
                chưa đủ dữ liệu
              </text>
            )}
          </g>
        );
      })}
      {lines.map((l, i) => (
        <g key={l.kind}>
          <line
            x1={xOf(l.value)}
            x2={xOf(l.value)}
            y1={top}
            y2={bottom}
            stroke={LINE_COLOURS[l.kind]}
            strokeWidth="1.5"
            strokeDasharray="5 3"
          />
          <text
            x={Math.min(xOf(l.value), WIDTH - 4)}
            y={top - 3 - i * LINE}
            fontSize="10"
            textAnchor="end"
            fontWeight={600}
            fill={LINE_COLOURS[l.kind]}
          >
            {l.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

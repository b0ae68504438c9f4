/**
 * An SVG polyline path for a series on a fixed 0–100 % scale, skipping null points (a gap, not
 * a zero). Server-rendered, so the printed report needs no script to show its trend.
 */
export function linePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
  min = 0,
  max = 100,
): string {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (v: number) => height - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * height;
  let path = '';
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null) {
      drawing = false;
      return;
    }
    const x = values.length > 1 ? i * step : width / 2;
    path += `${drawing ? 'L' : 'M'}${x.toFixed(1)},${y(v).toFixed(1)} `;
    drawing = true;
  });
  return path.trim();
}

// WCAG contrast of two computed CSS colours ("rgb(…)" / "rgba(…)"), the way 1.4.3 and 1.4.11
// define it; a translucent colour is first laid over the background.

type Rgba = [number, number, number, number];

export function parseColor(css: string): Rgba {
  const m = /rgba?\(([^)]+)\)/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  const [r, g, b, a = 1] = m[1]!
    .split(/[ ,/]+/)
    .filter(Boolean)
    .map(Number);
  return [r!, g!, b!, a];
}

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]: Rgba) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);

export function contrast(foreground: string, background: string): number {
  const bg = parseColor(background);
  const fg = parseColor(foreground);
  const a = fg[3];
  const over: Rgba = [fg[0] * a + bg[0] * (1 - a), fg[1] * a + bg[1] * (1 - a), fg[2] * a + bg[2] * (1 - a), 1];
  const [hi, lo] = [luminance(over), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

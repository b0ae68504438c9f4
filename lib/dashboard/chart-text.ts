// Text for chart axes: a label is never cut, it is wrapped into lines that Chart.js draws one
// under the other (a label given as an array of strings).

/**
 * `text` split at spaces into lines of at most `width` characters; a single word longer than
 * that keeps a line of its own rather than being cut. Joining the lines with spaces gives the
 * text back (whitespace collapsed).
 */
export function wrapLabel(text: string, width = 44): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Highest index first; suppressed (null) last, in their original order. Stable. */
export function byIndexDescending<T extends { index: number | null }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => {
    if (a.index === null || b.index === null) return a.index === null ? (b.index === null ? 0 : 1) : -1;
    return b.index - a.index;
  });
}

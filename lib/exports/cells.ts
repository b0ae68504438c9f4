/**
 * Spreadsheet formula injection (CWE-1236): a cell that starts with = + - @ (or a tab or carriage
 * return, which some spreadsheets strip before reading a formula) is run as a formula when the
 * file is opened. Free-text comments come from anonymous citizens, so every text cell gets a
 * leading apostrophe in that case, which shows the text as typed. Numbers stay numbers.
 */
export function neutralizeCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  const text = Array.isArray(value)
    ? value.map(String).join('; ')
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Byte order mark: Excel reads a CSV without it as the ANSI code page and garbles Vietnamese. */
export const UTF8_BOM = '\uFEFF';

/** A file name safe in a Content-Disposition header (ASCII), e.g. `phieu-sipas-2026-01-01_2026-03-31.csv`. */
export function exportFileName(kind: string, slug: string, from: string, to: string, ext: 'csv' | 'xlsx'): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '-');
  return `${safe(kind)}-${safe(slug)}-${from}_${to}.${ext}`;
}

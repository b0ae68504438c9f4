// Vietnamese number and date display: decimal comma, dot thousands, day/month/year.
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatInt = (n: number): string => integer.format(n);

export function formatPercent(n: number | null): string {
  return n === null ? '–' : `${decimal.format(n)} %`;
}

export function formatSigned(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${decimal.format(Math.abs(n))}`;
}

/** '2026-03-09' → '09/03/2026'. */
export function formatDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** A chart label for a bucket key: day, ISO week, month or quarter. */
export function formatBucket(bucket: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(bucket)) return `${bucket.slice(8, 10)}/${bucket.slice(5, 7)}`;
  if (/^\d{4}-W\d{2}$/.test(bucket)) return `Tuần ${Number(bucket.slice(6))}/${bucket.slice(0, 4)}`;
  if (/^\d{4}-\d{2}$/.test(bucket)) return `T${Number(bucket.slice(5, 7))}/${bucket.slice(0, 4)}`;
  return bucket.replace(/^(\d{4})-Q(\d)$/, 'Quý $2/$1');
}

/** "chưa đủ dữ liệu (n = 12)": the suppressed cell as docs/domain.md words it. */
export const notEnough = (n: number): string => `chưa đủ dữ liệu (n = ${formatInt(n)})`;

export function formatInstant(ms: number): string {
  const local = new Date(ms + 7 * 3_600_000);
  const two = (x: number) => String(x).padStart(2, '0');
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())} ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

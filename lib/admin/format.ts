import { LOCAL_OFFSET_MS } from '@/lib/time/local';

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy hh:mm in Vietnam time (UTC+7, no DST), as staff read dates; "—" for none. */
export function formatLocalDateTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const d = new Date(ms + LOCAL_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** hh:mm:ss in Vietnam time, as the kiosk's staff panel shows the last sync. */
export function formatLocalTime(ms: number): string {
  const d = new Date(ms + LOCAL_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** An audit entry's stored JSON as one readable line: `name: "A", active: true`. */
export function formatAuditValue(json: string | null): string {
  if (json === null) return '';
  try {
    const value = JSON.parse(json) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join(', ');
    }
    return JSON.stringify(value);
  } catch {
    return json;
  }
}

/** Page numbers of a paged list: how many pages, and whether there is a previous/next. */
export function pageInfo(total: number, page: number, size: number) {
  const pages = Math.max(1, Math.ceil(total / size));
  return { pages, page: Math.min(page, pages), hasPrev: page > 1, hasNext: page < pages };
}

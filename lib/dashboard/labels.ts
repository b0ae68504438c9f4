import type { Channel } from '@/lib/ingest/channels';

export const CHANNEL_LABELS: Record<Channel, { vi: string; en: string }> = {
  kiosk: { vi: 'Máy tại quầy', en: 'Kiosk tablet' },
  qr: { vi: 'Mã QR', en: 'QR code' },
  web: { vi: 'Cổng trực tuyến', en: 'Web portal' },
  hotline: { vi: 'Tổng đài 1022', en: 'Hotline 1022' },
};

/** ISO weekday 1–7 → short Vietnamese label. */
export const WEEKDAY_LABELS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'] as const;

/** National SIPAS results (docs/domain.md, SIPAS), for the reference line of `sipas` trends. */
export const NATIONAL_SIPAS: Record<string, number> = {
  '2019': 84.45,
  '2020': 85.48,
  '2022': 80.08,
  '2023': 82.66,
  '2024': 83.94,
};

/** The latest national figure on or before a year: the reference for a period in that year. */
export function nationalSipasFor(year: number): { year: string; index: number } | null {
  const years = Object.keys(NATIONAL_SIPAS)
    .filter((y) => Number(y) <= year)
    .sort();
  const latest = years.at(-1);
  return latest === undefined ? null : { year: latest, index: NATIONAL_SIPAS[latest]! };
}

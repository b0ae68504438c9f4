import type { KioskProcedure } from './lookup/types';

export type KioskConfig = {
  deviceName: string;
  point: { code: string; name: string; nameEn: string | null; unitName: string; unitNameEn: string | null };
  survey: { slug: string; version: number; definition: string };
  thanksSeconds: number;
  idleSeconds: number;
  appVersion: string;
  /** The catalogue, this desk's procedures first: the lookup mode works offline from it. */
  procedures: KioskProcedure[];
  /** PUBLIC_BASE_URL: the case lookup QR code on the thank-you screen points there. */
  lookupBase: string;
  /** OFFICER_RATINGS: the staff panel offers the shift, and the attract screen shows the officer. */
  officers: boolean;
  /** The officer on shift when the page was served (the server decides; this is for display). */
  officer: ShiftOfficer | null;
};

export type ShiftOfficer = { id: number; name: string; title: string | null; photo: string | null; until: number };

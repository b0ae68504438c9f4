import { z } from 'zod';

import { endOfLocalDayMs, localDay } from '@/lib/time/local';

/** POST /api/kiosk/shift: the staff PIN, and the officer now at the desk (null ends the shift). */
export const shiftSchema = z.strictObject({
  pin: z.string().regex(/^\d{4,8}$/, 'pin must be 4 to 8 digits'),
  officer: z.number().int().positive('officer must be an officer id').nullable().optional(),
});

/** A shift lasts until changed or until the end of the local day it began (TZ_DISPLAY). */
export function shiftBounds(nowMs: number): { from: number; until: number } {
  return { from: nowMs, until: endOfLocalDayMs(localDay(nowMs)) };
}

// Kept free of next/headers: the production server loads the ingest route outside Next.
import { getDb } from '@/db';
import { findDeviceByCredential, type PairedDevice } from '@/db/queries/devices';
import { getConfig } from '@/lib/config';
import { cookieValue } from '@/lib/http/cookies';

import { hashToken } from './secrets';

export const DEVICE_COOKIE = 'hl_device';
// Browsers cap cookie lifetimes at 400 days; a tablet on a stand is re-paired rarely.
const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

export function deviceCookieOptions() {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: getConfig().publicBaseUrl.startsWith('https://'),
    path: '/',
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  };
}

/** The paired, unrevoked kiosk that sent this request, or null. */
export async function deviceFromRequest(request: Request): Promise<PairedDevice | null> {
  const credential = cookieValue(request.headers.get('cookie'), DEVICE_COOKIE);
  return credential ? findDeviceByCredential(getDb(), hashToken(credential)) : null;
}

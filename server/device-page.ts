import { cookies } from 'next/headers';

import { getDb } from '@/db';
import { findDeviceByCredential, type PairedDevice } from '@/db/queries/devices';

import { DEVICE_COOKIE } from './device';
import { hashToken } from './secrets';

/** The kiosk a server component or server action is serving, or null. */
export async function currentDevice(): Promise<PairedDevice | null> {
  const credential = (await cookies()).get(DEVICE_COOKIE)?.value;
  return credential ? findDeviceByCredential(getDb(), hashToken(credential)) : null;
}

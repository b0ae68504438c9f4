'use server';

import { cookies } from 'next/headers';

import { getDb } from '@/db';
import { consumePairing } from '@/db/queries/devices';
import { DEVICE_COOKIE, deviceCookieOptions } from '@/server/device';
import { hashToken, newSecretToken } from '@/server/secrets';

export type PairState = { failed: boolean; paired?: boolean };

/**
 * Binds this browser to the device: spends the one-time token and gives the tablet its own
 * long-lived credential. A POST (not the GET of the link) so a link preview or scanner that
 * fetches the URL cannot use the link up.
 */
export async function pairDevice(token: string, _prev: PairState, _form: FormData): Promise<PairState> {
  // A server action's arguments come from the client as it pleases, whatever the type says.
  if (typeof token !== 'string' || token.length > 200) return { failed: true };
  const credential = newSecretToken('hld_');
  const ok = await consumePairing(getDb(), {
    tokenHash: hashToken(token),
    credentialHash: hashToken(credential),
    now: Date.now(),
  });
  if (!ok) return { failed: true };
  (await cookies()).set(DEVICE_COOKIE, credential, deviceCookieOptions());
  return { failed: false, paired: true };
}

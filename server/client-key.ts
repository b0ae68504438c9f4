import { createHmac } from 'node:crypto';

import type { HeaderSource } from '@/lib/http/body';
import { clientNetwork } from '@/lib/http/client-network';
import { localDay } from '@/lib/time/local';

/** Set by our server from the socket (scripts/server.mjs), overwriting anything a client sent. */
export const CLIENT_ADDRESS_HEADER = 'x-hailong-client-address';

export function clientAddress(headers: HeaderSource): string {
  return (
    headers.get(CLIENT_ADDRESS_HEADER) ??
    // `next dev` and tests run without our server: Next itself fills x-forwarded-for there.
    headers.get('x-forwarded-for')?.split(',')[0]?.trim() ??
    'unknown'
  );
}

/**
 * A keyed hash of the client's address and browser that changes every local day: it can
 * count requests from one client today, but cannot be turned back into an IP address or
 * link one person's visits across days (Decree 13/2023 data minimisation).
 */
export function clientKey(headers: HeaderSource, secret: string, now: number): string {
  return createHmac('sha256', secret)
    .update(`${localDay(now)}|${clientNetwork(clientAddress(headers))}|${headers.get('user-agent') ?? ''}`)
    .digest('base64url')
    .slice(0, 22);
}

/**
 * The rate limiter's key: the client's network alone (an IPv4 address or an IPv6 /64, so rotating
 * within one's own /64 or changing the User-Agent resets nothing), hashed.
 */
export function rateLimitKey(headers: HeaderSource, secret: string): string {
  return createHmac('sha256', secret)
    .update(clientNetwork(clientAddress(headers)))
    .digest('base64url')
    .slice(0, 22);
}

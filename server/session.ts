import { cookies } from 'next/headers';

import { getDb } from '@/db';
import { principalForApiToken, principalForSession } from '@/server/auth';
import { SESSION_TTL_MS } from '@/db/queries/sessions';
import type { Principal } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';
import { safeDecode } from '@/lib/http/decode';

export const SESSION_COOKIE = 'hl_session';

export function sessionCookieOptions(maxAgeMs = SESSION_TTL_MS) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    // Secure whenever the public address is https (behind a TLS proxy the app sees plain http).
    secure: getConfig().publicBaseUrl.startsWith('https://'),
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}

/** The logged-in user of a server component or server action, or null. */
export async function currentPrincipal(): Promise<Principal | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? principalForSession(getDb(), { token, now: Date.now() }) : null;
}

/** A route handler's caller: an API token (Authorization: Bearer) or a session cookie. */
export async function principalFromRequest(request: Request): Promise<Principal | null> {
  const now = Date.now();
  const auth = request.headers.get('authorization');
  if (auth) {
    const m = auth.match(/^Bearer\s+(\S+)$/i);
    return m ? principalForApiToken(getDb(), { token: m[1]!, now }) : null;
  }
  const cookie = request.headers.get('cookie') ?? '';
  const raw = cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  // A cookie that does not decode is no session: anonymous, not a 500.
  const token = raw === undefined ? null : safeDecode(raw);
  return token ? principalForSession(getDb(), { token, now }) : null;
}

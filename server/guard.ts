// The one place route handlers, server actions and pages ask "who is this and may they?".
// Middleware only redirects; every handler and action calls one of these itself.
import { redirect } from 'next/navigation';

import { getDb } from '@/db';
import { unitSubtreeIds } from '@/db/queries/units';
import { can, seesAllUnits, type Capability, type Principal } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';
import { forbidden, unauthorized } from '@/lib/http/errors';
import { allowedOrigins, isCrossSite } from '@/lib/http/origin';

import { currentPrincipal, principalFromRequest } from './session';

/**
 * For a route handler: the caller, or the 401/403 Response to return.
 * Usage: `const auth = await authorizeRequest(req, 'dashboard.view'); if (auth instanceof Response) return auth;`
 */
export async function authorizeRequest(request: Request, capability: Capability): Promise<Principal | Response> {
  const principal = await principalFromRequest(request);
  if (!principal) return unauthorized('unauthenticated', 'Sign in or send Authorization: Bearer <token>.');
  if (!can(principal, capability)) return forbidden('forbidden', `Your role (${principal.role}) may not do this.`);
  return principal;
}

/**
 * For a server component page: the logged-in principal, or a redirect to the login page
 * (anonymous) / the forbidden page (wrong role). `path` is where login sends the user back.
 */
export async function requirePage(capability: Capability, path: string): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!can(principal, capability)) redirect('/forbidden');
  return principal;
}

/** For a page any signed-in user may open (their own account). */
export async function requireLogin(path: string): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect(`/login?next=${encodeURIComponent(path)}`);
  return principal;
}

/** For a server action: the principal, or an error the action turns into its own failure state. */
export async function requireAction(capability: Capability): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) throw new AuthError('unauthenticated');
  if (!can(principal, capability)) throw new AuthError('forbidden');
  return principal;
}

export class AuthError extends Error {
  constructor(readonly code: 'unauthenticated' | 'forbidden') {
    super(code === 'unauthenticated' ? 'Not signed in.' : 'Not allowed for your role.');
  }
}

/**
 * The units a principal may see: null means all; otherwise the manager's subtree. Queries that
 * filter by unit intersect with this set; a requested unit outside it is a 403, not an empty result.
 */
export async function unitScope(principal: Principal): Promise<Set<number> | null> {
  if (seesAllUnits(principal)) return null;
  if (principal.unitId === null) return new Set();
  return unitSubtreeIds(getDb(), principal.unitId);
}

/**
 * For route handlers that act on a cookie (hotline entries, kiosk posts): a 403 when a page of
 * another site sent the request, else null. Server actions get Next's own origin check.
 */
export function crossSiteRefusal(request: Request): Response | null {
  return isCrossSite(
    request.headers,
    allowedOrigins(request.url, getConfig().publicBaseUrl, request.headers.get('host')),
  )
    ? forbidden('cross_site', 'This request must come from a page of this site.')
    : null;
}

import { NextResponse, type NextRequest } from 'next/server';

import { getConfig } from '@/lib/config';
import { allowedOrigins, isCrossSite } from '@/lib/http/origin';
import { contentSecurityPolicy, PAGE_LANG_HEADER } from '@/lib/http/security-headers';

const STAFF_PREFIXES = ['/admin', '/dashboard', '/operator', '/account', '/cases'];

/**
 * Per-request CSP nonce for pages, and a convenience redirect to the login page for staff paths
 * without a session cookie. Authorization itself happens in every page, handler and action
 * (server/guard.ts): this only saves an anonymous visitor a round trip.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A POST to a page is a server action (with a Next-Action header, or a plain form without
  // JavaScript). Next's own origin check answers a cross-site one with a 500; it is a 403 here.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const origins = allowedOrigins(request.url, getConfig().publicBaseUrl, request.headers.get('host'));
    if (isCrossSite(request.headers, origins)) {
      return NextResponse.json(
        { error: { code: 'cross_site', message: 'This request must come from a page of this site.' } },
        { status: 403 },
      );
    }
  }
  if (
    STAFF_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`)) &&
    !request.cookies.has('hl_session')
  ) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', pathname + search);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // The root layout's <html lang> follows the page's language (?lang=en on citizen pages).
  requestHeaders.set(PAGE_LANG_HEADER, request.nextUrl.searchParams.get('lang') === 'en' ? 'en' : 'vi');
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|icon|manifest|kiosk-sw\\.js|favicon\\.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};

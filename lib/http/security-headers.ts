// Response headers every page and API answer carries. Pure, so the policy is
// unit-tested and shared by next.config.js, proxy.ts and the direct ingest route.

/** Set by proxy.ts on the request: the page's language, for the root layout's <html lang>. */
export const PAGE_LANG_HEADER = 'x-hailong-lang';

/** Headers that do not vary per request. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<[string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'DENY'],
  // The kiosk reads questions aloud (speech synthesis needs no permission); nothing needs the camera etc.
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
];

/**
 * The Content-Security-Policy of a page. Scripts: only ours, plus Next's inline bootstrap via a
 * per-request nonce ('strict-dynamic' lets those load their chunks). Styles allow inline
 * attributes because SurveyJS and server-rendered bars set `style`; no user HTML is ever
 * rendered, so the remaining risk is small and a script cannot ride on it.
 */
export function contentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * HSTS when the public address is https: browsers then refuse plain http to this host for a
 * year, so a network attacker cannot strip TLS from a staff sign-in. Never under http, where it
 * would be ignored at best and lock out a test host at worst.
 */
export function strictTransportSecurity(publicBaseUrl: string | undefined): [string, string] | null {
  return publicBaseUrl?.startsWith('https://')
    ? ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']
    : null;
}

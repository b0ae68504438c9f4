// Cross-site request forgery check for route handlers that act on a cookie (server actions get
// Next's own origin check). Browsers send Origin on every POST and Sec-Fetch-Site on every
// request; a non-browser client sends neither and cannot be forged by a third-party page.

export function isCrossSite(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return origin === 'null' || !allowedOrigins.includes(origin);
  const site = headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}

/**
 * The origins a request may legitimately come from: the public address, and the address it
 * reached (behind a TLS proxy the app sees http while the browser says https).
 */
export function allowedOrigins(requestUrl: string, publicBaseUrl: string, hostHeader: string | null = null): string[] {
  // Next may rebuild request.url with its own idea of the host: the Host header is what the
  // browser actually addressed.
  const hosts = new Set([new URL(requestUrl).host, ...(hostHeader ? [hostHeader] : [])]);
  return [new URL(publicBaseUrl).origin, ...[...hosts].flatMap((h) => [`http://${h}`, `https://${h}`])];
}

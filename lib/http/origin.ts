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
export function allowedOrigins(requestUrl: string, publicBaseUrl: string): string[] {
  const { host } = new URL(requestUrl);
  return [new URL(publicBaseUrl).origin, `http://${host}`, `https://${host}`];
}

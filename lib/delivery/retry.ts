// How a client (phone page, kiosk queue) decides what to do after trying to send a response.
// The server is idempotent by response id, so resending is always safe.

export type SendVerdict = 'delivered' | 'retry' | 'rejected';

/**
 * 200/201: stored. 408, 425, 429 and 5xx are worth retrying; any other 4xx will fail the same
 * way every time (bad answers, unknown desk, conflicting id) and is set aside. `null` means the
 * request never got an answer (offline, DNS, reset).
 */
export function verdictFor(status: number | null): SendVerdict {
  if (status === null) return 'retry';
  if (status === 200 || status === 201) return 'delivered';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  if (status >= 400) return 'rejected';
  return 'retry';
}

/**
 * Exponential backoff with full jitter (AWS architecture blog): attempt 0 waits up to `baseMs`,
 * each further attempt doubles the ceiling up to `capMs`, and the wait is uniform below it so
 * that a room of tablets coming back online does not hammer the server in step.
 */
export function backoffDelay(
  attempt: number,
  random: number,
  { baseMs = 1_000, capMs = 60_000 }: { baseMs?: number; capMs?: number } = {},
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.max(250, Math.round(ceiling * Math.min(Math.max(random, 0), 1)));
}

/** A server-provided Retry-After (seconds) wins over our own schedule when it is longer. */
export function delayAfter(attempt: number, random: number, retryAfterSeconds: number | null): number {
  const own = backoffDelay(attempt, random);
  return retryAfterSeconds && retryAfterSeconds > 0 ? Math.max(own, retryAfterSeconds * 1000) : own;
}

import { createHmac, timingSafeEqual } from 'node:crypto';

// Receivers check X-HaiLong-Signature against the raw body with the shared secret, as with
// GitHub's X-Hub-Signature-256, so a forged or altered delivery is refused.

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function verifySignature(secret: string, body: string, header: string | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Retries stop after this many attempts (about a day with the capped backoff). */
export const MAX_WEBHOOK_ATTEMPTS = 12;

/** 2xx delivered; 4xx other than 408/429 will not get better by retrying. */
export function webhookOutcome(status: number | null, attempts: number): 'delivered' | 'retry' | 'failed' {
  if (status !== null && status >= 200 && status < 300) return 'delivered';
  const permanent = status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429;
  return permanent || attempts >= MAX_WEBHOOK_ATTEMPTS ? 'failed' : 'retry';
}

import type { Db } from '@/db';
import { claimDueDeliveries, recordDeliveryAttempt } from '@/db/queries/webhooks';
import { backoffDelay } from '@/lib/delivery/retry';
import { signBody, webhookOutcome } from '@/lib/webhooks/sign';

/**
 * Sends the due webhook deliveries once each: signed body, 10 s timeout, then delivered, retried
 * later with capped exponential backoff and jitter, or failed for good. Returns how many it tried.
 */
export async function sendDueWebhooks(
  db: Db,
  { secret, now = Date.now(), fetchImpl = fetch }: { secret: string; now?: number; fetchImpl?: typeof fetch },
): Promise<number> {
  const due = await claimDueDeliveries(db, { now });
  for (const d of due) {
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetchImpl(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hailong-event': d.event,
          'x-hailong-delivery': d.id,
          'x-hailong-signature': signBody(secret, d.payload),
        },
        body: d.payload,
        signal: AbortSignal.timeout(10_000),
        redirect: 'manual',
      });
      statusCode = res.status;
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const attempts = d.attempts + 1;
    const outcome = webhookOutcome(statusCode, attempts);
    const after = Date.now();
    await recordDeliveryAttempt(db, {
      id: d.id,
      outcome,
      statusCode,
      error,
      now: after,
      nextAttemptAt: after + backoffDelay(attempts, Math.random(), { baseMs: 30_000, capMs: 3_600_000 }),
    });
  }
  return due.length;
}

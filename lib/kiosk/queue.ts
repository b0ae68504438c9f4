// The kiosk's offline queue, as decisions without storage: the browser keeps the
// entries in IndexedDB and asks these functions what to do. Nothing here removes an answer
// unless the server has acknowledged it or refused it for good.
import { delayAfter, verdictFor } from '@/lib/delivery/retry';

export type QueueEntry = {
  /** The response's UUID: the idempotency key, so a resend after a lost 201 is harmless. */
  id: string;
  body: Record<string, unknown>;
  /** When the citizen finished (ms): the queue is sent oldest first. */
  queuedAt: number;
  attempts: number;
  /** Not before this time (ms); 0 = at once. */
  notBefore: number;
  lastError: string | null;
};

export type SendOutcome = { status: number | null; code?: string; message?: string | null; retryAfter?: number | null };

export type Decision =
  | { action: 'remove' }
  /** A 4xx that can never succeed: keep it apart (for staff to report), never resend. */
  | { action: 'setAside'; reason: string }
  | { action: 'retry'; entry: QueueEntry }
  /** The tablet's pairing is gone: keep every answer, stop sending until it is paired again. */
  | { action: 'halt'; entry: QueueEntry };

export function newEntry(id: string, body: Record<string, unknown>, now: number): QueueEntry {
  return { id, body, queuedAt: now, attempts: 0, notBefore: 0, lastError: null };
}

function describe(outcome: SendOutcome): string {
  if (outcome.status === null) return 'network unreachable';
  return `HTTP ${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}${outcome.message ? `: ${outcome.message}` : ''}`;
}

/** What to do with an entry after one attempt to send it. `random` in [0, 1) is the jitter. */
export function decide(entry: QueueEntry, outcome: SendOutcome, now: number, random: number): Decision {
  const later = (): QueueEntry => ({
    ...entry,
    attempts: entry.attempts + 1,
    notBefore: now + delayAfter(entry.attempts, random, outcome.retryAfter ?? null),
    lastError: describe(outcome),
  });
  if (outcome.status === 401) return { action: 'halt', entry: later() };
  switch (verdictFor(outcome.status)) {
    case 'delivered':
      return { action: 'remove' };
    case 'rejected':
      return { action: 'setAside', reason: describe(outcome) };
    case 'retry':
      return { action: 'retry', entry: later() };
  }
}

/** The queue in sending order: oldest first, ties by id so every run agrees. */
export function inOrder(entries: readonly QueueEntry[]): QueueEntry[] {
  return [...entries].sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The entry to send now, or the wait before the next one is due. Sending stays in order: while
 * the oldest waits out its backoff, the newer ones wait behind it (the cause, a dead network or
 * a busy server, is the same for all of them).
 */
export function nextStep(
  entries: readonly QueueEntry[],
  now: number,
): { send: QueueEntry } | { waitMs: number } | { idle: true } {
  const head = inOrder(entries)[0];
  if (!head) return { idle: true };
  if (head.notBefore <= now) return { send: head };
  return { waitMs: head.notBefore - now };
}

/** Coming back online or a staff "sync now" makes every entry due at once. */
export function dueNow(entries: readonly QueueEntry[]): QueueEntry[] {
  return entries.map((e) => (e.notBefore === 0 ? e : { ...e, notBefore: 0 }));
}

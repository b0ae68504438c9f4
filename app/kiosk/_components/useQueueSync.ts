'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

import { sendResponse } from '@/app/_components/survey/send';
import { decide, dueNow, newEntry, nextStep } from '@/lib/kiosk/queue';

import * as store from './queue-store';

export type QueueStatus = {
  pending: number;
  setAside: number;
  lastSyncAt: number | null;
  lastError: string | null;
};

/**
 * The sync loop: sends the durable queue oldest first, with backoff and jitter between failed
 * attempts, and wakes at once when the browser comes back online. `onRevoked` fires when the
 * server no longer knows this tablet (401): answers stay queued until it is paired again.
 */
export function useQueueSync(onRevoked: () => void, onDelivered?: (id: string, caseCode: string | null) => void) {
  const [status, setStatus] = useState<QueueStatus>({ pending: 0, setAside: 0, lastSyncAt: null, lastError: null });
  const running = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastError = useRef<string | null>(null);
  const revoked = useRef(onRevoked);
  const delivered = useRef(onDelivered);
  useEffect(() => {
    revoked.current = onRevoked;
    delivered.current = onDelivered;
  }, [onRevoked, onDelivered]);

  const refresh = useCallback(async () => {
    const [pending, setAside, lastSyncAt] = await Promise.all([
      store.pendingEntries(),
      store.setAsideCount(),
      store.readMeta<number>('lastSyncAt'),
    ]);
    setStatus({ pending: pending.length, setAside, lastSyncAt: lastSyncAt ?? null, lastError: lastError.current });
  }, []);

  const run = useCallback(async (): Promise<void> => {
    if (running.current) {
      again.current = true; // a new answer arrived mid-run: look again when this run ends
      return;
    }
    running.current = true;
    clearTimeout(timer.current);
    try {
      for (;;) {
        again.current = false;
        const step = nextStep(await store.pendingEntries(), Date.now());
        if ('idle' in step) break;
        if ('waitMs' in step) {
          timer.current = setTimeout(() => void run(), step.waitMs);
          break;
        }
        const outcome = await sendResponse(step.send.body);
        const now = Date.now();
        const d = decide(step.send, outcome, now, Math.random());
        if (d.action === 'remove') {
          await store.removeEntry(step.send.id);
          await store.writeMeta('lastSyncAt', now);
          lastError.current = null; // delivered: whatever failed before has recovered
          delivered.current?.(step.send.id, outcome.caseCode);
        } else if (d.action === 'setAside') {
          lastError.current = d.reason;
          await store.setAside(step.send, d.reason, now);
        } else {
          lastError.current = d.entry.lastError;
          await store.update(d.entry);
          if (d.action === 'halt') revoked.current();
        }
        await refresh();
      }
    } catch (err) {
      // IndexedDB itself failed (quota, private mode): say so to staff and try again later.
      lastError.current = `storage: ${(err as Error).message}`;
      timer.current = setTimeout(() => void run(), 30_000);
    } finally {
      running.current = false;
    }
    await refresh();
    if (again.current) void run();
  }, [refresh]);

  /** Everything due now: the network is back, or staff pressed "sync now". */
  const syncNow = useCallback(async () => {
    const entries = await store.pendingEntries();
    const due = dueNow(entries);
    for (let i = 0; i < entries.length; i++) if (entries[i]!.notBefore !== 0) await store.update(due[i]!);
    void run();
  }, [run]);

  /** Commits a finished response to the queue; resolves only once it is durable. */
  const add = useCallback(
    async (id: string, body: Record<string, unknown>) => {
      await store.enqueue(newEntry(id, body, Date.now()));
      void refresh();
      void run();
    },
    [refresh, run],
  );

  useEffect(() => {
    void run();
    const onOnline = () => void syncNow();
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      clearTimeout(timer.current);
    };
  }, [run, syncNow]);

  return { status, add, syncNow };
}

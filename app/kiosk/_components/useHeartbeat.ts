'use client';

import { useEffect, useRef } from 'react';

import type { QueueStatus } from './useQueueSync';

const HEARTBEAT_MS = 60_000;

/** Staff can tell a live tablet from a dead or stuck one; a 401 means this tablet was revoked. */
export function useHeartbeat(appVersion: string, status: QueueStatus, onRevoked: () => void): void {
  const statusRef = useRef(status);
  useEffect(() => {
    statusRef.current = status;
  }, [status]);
  useEffect(() => {
    const beat = async () => {
      try {
        const res = await fetch('/api/kiosk/heartbeat', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            appVersion,
            queueLength: statusRef.current.pending,
            lastError: statusRef.current.lastError?.slice(0, 500) ?? null,
          }),
        });
        if (res.status === 401) onRevoked();
      } catch {
        // offline: the next beat will tell
      }
    };
    const first = setTimeout(beat, 2_000);
    const every = setInterval(beat, HEARTBEAT_MS);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [appVersion, onRevoked]);
}

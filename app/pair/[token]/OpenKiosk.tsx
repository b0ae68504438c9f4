'use client';

import { useEffect } from 'react';

/**
 * After pairing: a full page load of /kiosk, not a client-side transition, because the kiosk's
 * service worker only controls (and its offline cache only serves) documents loaded there.
 */
export function OpenKiosk({ label }: { label: string }) {
  useEffect(() => window.location.replace('/kiosk'), []);
  return (
    <a className="button" href="/kiosk">
      {label}
    </a>
  );
}

'use client';

import './button.css';

import dynamic from 'next/dynamic';
import { useEffect } from 'react';

import type { Locale } from '@/lib/i18n';
import { procedureMessages } from '@/lib/procedures/messages';

import { cacheLoadedAssets } from '../service-worker';

// The lookup mode is its own chunk (it brings the QR encoder), so the attract screen loads no
// more than before. The attract screen's button fetches that chunk a few seconds after it shows
// and puts its files in the service worker's cache (dropping older builds' files then, when the
// page has loaded all it needs), so the mode also opens offline.

// One import site for both the component and the preload: the bundler gives each import() its
// own loader chunk, so a second site would fetch a chunk the preload never cached (offline, the
// mode would not open).
const loadLookup = () => import('./ProcedureLookup');

export const ProcedureLookup = dynamic(loadLookup, { ssr: false });

const PRELOAD_AFTER_MS = 3_000;

export function LookupButton({ locale, onOpen }: { locale: Locale; onOpen: () => void }) {
  useEffect(() => {
    // Not while offline (the fetch would fail and be retried on every return to this screen);
    // as soon as the network is back instead.
    const preload = () => {
      if (navigator.onLine)
        void loadLookup().then(
          () => cacheLoadedAssets({ prune: true }),
          () => undefined,
        );
    };
    const timer = setTimeout(preload, PRELOAD_AFTER_MS);
    window.addEventListener('online', preload);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', preload);
    };
  }, []);
  return (
    <button type="button" className="kiosk-cta kiosk-cta--lookup" onClick={(e) => (e.stopPropagation(), onOpen())}>
      {procedureMessages[locale].lookupButton}
    </button>
  );
}

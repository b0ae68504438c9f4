'use client';

import './button.css';

import dynamic from 'next/dynamic';
import { useEffect } from 'react';

import type { Locale } from '@/lib/i18n';
import { procedureMessages } from '@/lib/procedures/messages';

// The lookup mode is its own chunk (it brings the QR encoder), so the attract screen loads no
// more than before. The attract screen's button fetches that chunk a few seconds after it shows
// and puts its files in the service worker's cache, so the mode also opens offline.

export const ProcedureLookup = dynamic(() => import('./ProcedureLookup'), { ssr: false });

const PRELOAD_AFTER_MS = 3_000;
// Must match CACHE in public/kiosk-sw.js.
const SW_CACHE = 'hailong-kiosk-v1';

export function LookupButton({ locale, onOpen }: { locale: Locale; onOpen: () => void }) {
  useEffect(() => {
    // Not while offline (the fetch would fail and be retried on every return to this screen);
    // as soon as the network is back instead.
    const preload = () => {
      if (navigator.onLine) void import('./ProcedureLookup').then(cacheStaticFiles, () => undefined);
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

/** Adds the hashed /_next/static files loaded so far to the worker's cache (never removes). */
async function cacheStaticFiles(): Promise<void> {
  if (!('caches' in window)) return;
  const cache = await caches.open(SW_CACHE);
  const urls = performance
    .getEntriesByType('resource')
    .map((e) => e.name.split('#')[0]!)
    .filter((u) => u.startsWith(`${location.origin}/_next/static/`));
  for (const url of new Set(urls)) if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
}

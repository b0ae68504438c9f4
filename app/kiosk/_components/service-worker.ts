// The service worker keeps the shell and the survey for offline starts (public/kiosk-sw.js).

// Must match CACHE in public/kiosk-sw.js.
const SW_CACHE = 'hailong-kiosk-v1';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/kiosk-sw.js', { scope: '/kiosk' })
    .then(() => cacheLoadedAssets({ prune: false }))
    .catch(() => undefined);
}

/**
 * Everything this page loaded from /_next/static (hashed, immutable) goes into the worker's
 * cache, including what was fetched before the worker took control. With `prune`, files this
 * page did not load go: those of older builds. Only once the page has loaded all it can show
 * offline (the lookup mode's chunk, fetched after the attract screen; lookup/LookupMode.tsx):
 * pruned at start, the lookup's files of the last page would be gone until then, and a tablet
 * restarted offline in between could not open it.
 */
export async function cacheLoadedAssets({ prune }: { prune: boolean }): Promise<void> {
  if (!('caches' in window)) return;
  const wanted = new Set(
    performance
      .getEntriesByType('resource')
      .map((e) => e.name.split('#')[0]!)
      .filter((u) => u.startsWith(`${location.origin}/_next/static/`)),
  );
  const cache = await caches.open(SW_CACHE);
  for (const url of wanted) if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
  if (!prune) return;
  for (const req of await cache.keys()) {
    if (req.url.startsWith(`${location.origin}/_next/static/`) && !wanted.has(req.url)) await cache.delete(req);
  }
}

// Service worker of the kiosk tablet (/kiosk): the page must start and take answers with no
// network. The page's HTML carries the desk and the survey, and the hashed /_next/static files
// never change, so: HTML network-first with the last good copy as fallback; static files
// cache-first. Answers themselves never pass through here: the page queues them in IndexedDB.
const CACHE = 'hailong-kiosk-v1';
const ASSETS = ['/kiosk.webmanifest', '/kiosk-icon-192.png', '/kiosk-icon-512.png'];
const SHELL = ['/kiosk', ...ASSETS];
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('hailong-kiosk-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page itself puts the hashed /_next/static files it loaded into this cache (see
// cacheLoadedAssets in app/kiosk/_components/KioskApp.tsx).

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok) await cache.put('/kiosk', response.clone());
    return response;
  } catch {
    return (await cache.match('/kiosk')) ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === '/kiosk') return event.respondWith(networkFirst(request));
  // Not '/kiosk' itself here: Next's own data requests to it (?_rsc=) must reach the server.
  if (url.pathname.startsWith('/_next/static/') || ASSETS.includes(url.pathname)) return event.respondWith(cacheFirst(request));
});

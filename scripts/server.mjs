// Production server: Next's request handler behind a plain Node http server, so the client's
// address comes from the socket and not from a header that any client can forge.
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { register } from 'tsx/esm/api';

const CLIENT_ADDRESS_HEADER = 'x-hailong-client-address';
const root = fileURLToPath(new URL('..', import.meta.url));

function clientAddress(req) {
  if (trustProxy) {
    const hops = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (hops.length > 0) return hops[hops.length - 1];
  }
  return req.socket.remoteAddress ?? 'unknown';
}

// POST /api/responses is the one hot path (every tablet and phone, bursts when kiosks come back
// online). Measured here, Next's router alone caps a trivial route at about a quarter of a bare
// Node server, so this route's handler (the same module Next serves in dev) is called directly.
// See docs/decisions/0002-direct-ingest-route.md.
register();
// Settings come through lib/config.ts like everywhere else: a bad PORT or TRUST_PROXY stops here.
const { getConfig } = await import('../lib/config.ts');
const { PORT: port, TRUST_PROXY: trustProxy } = getConfig();
const { POST: ingest } = await import('../app/api/responses/route.ts');
const { STATIC_SECURITY_HEADERS } = await import('../lib/http/security-headers.ts');

async function ingestDirect(req, res) {
  try {
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, {
      method: 'POST',
      headers: req.headers,
      body: Readable.toWeb(req),
      duplex: 'half',
    });
    const response = await ingest(request);
    res.writeHead(response.status, { ...Object.fromEntries(STATIC_SECURITY_HEADERS), ...Object.fromEntries(response.headers) });
    res.end(await response.text());
  } catch (err) {
    console.error('[direct POST /api/responses]', err);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'internal_error', message: 'Something went wrong on our side; please try again.' } }));
  }
}

const app = next({ dev: false, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req);
  if (req.method === 'POST' && req.url === '/api/responses') return void ingestDirect(req, res);
  handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => {
  console.log(`Hài Lòng is serving on http://localhost:${port}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}

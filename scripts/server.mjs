// Production server: Next's request handler behind a plain Node http server, so the client's
// address comes from the socket and not from a header that any client can forge.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import next from 'next';

const CLIENT_ADDRESS_HEADER = 'x-hailong-client-address';
const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT || 3000);
// Behind a reverse proxy, TRUST_PROXY=1 takes the address the proxy appended to X-Forwarded-For.
const trustProxy = process.env.TRUST_PROXY === '1';

function clientAddress(req) {
  if (trustProxy) {
    const hops = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (hops.length > 0) return hops[hops.length - 1];
  }
  return req.socket.remoteAddress ?? 'unknown';
}

const app = next({ dev: false, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req);
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

// Production server: Next's request handler behind a plain Node http server, so the client's
// address comes from the socket and not from a header that any client can forge.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { register } from 'tsx/esm/api';

const CLIENT_ADDRESS_HEADER = 'x-hailong-client-address';
const root = fileURLToPath(new URL('..', import.meta.url));

function clientAddress(req) {
  if (trustProxy) {
    const hops = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (hops.length > 0) return hops[hops.length - 1];
  }
  return req.socket.remoteAddress ?? 'unknown';
}

// POST /api/responses is the one hot path (every tablet and phone, bursts when kiosks come back
// online). Measured here, Next's router alone caps a trivial route at about a quarter of a bare
// Node server, so this route's handler (server/ingest-route.ts, which Next serves in dev through
// app/api/responses/route.ts) is called directly, on the Node request and response as they are.
// See docs/decisions/0002-direct-ingest-route.md.
register();
// Settings come through lib/config.ts like everywhere else: a bad PORT or TRUST_PROXY stops here.
const { getConfig } = await import('../lib/config.ts');
const { PORT: port, TRUST_PROXY: trustProxy } = getConfig();
const { handleIngest } = await import('../server/ingest-route.ts');
const { STATIC_SECURITY_HEADERS, strictTransportSecurity } = await import('../lib/http/security-headers.ts');
const { assertWritable, closeProcessDb, getDb, readyDb } = await import('../db/index.ts');
const { ingestBatcher } = await import('../server/ingest-batcher.ts');

// Fail fast: a database that cannot be opened, migrated or written stops the start here, with
// the setting named, instead of a server that says "serving" and answers 500 to everything.
// The connection opened here is the process's one (db/index.ts keeps it on globalThis), so
// Next's instrumentation and the direct ingest route use it too.
const { ConfigError } = await import('../lib/config.ts');
try {
  await assertWritable(await readyDb());
} catch (err) {
  if (err instanceof ConfigError) {
    // The settings themselves are wrong: the message names each variable.
    console.error(`Hài Lòng cannot start: ${err.message}`);
  } else {
    console.error(
      `Hài Lòng cannot start: the database of DATABASE_URL cannot be opened or written (${err?.message ?? err}).`,
    );
    console.error('Check DATABASE_URL, the file or directory permissions, or the PostgreSQL role.');
  }
  process.exit(1);
}
const hsts = strictTransportSecurity(process.env.PUBLIC_BASE_URL);

/** The Node request as server/ingest-route.ts reads it: no web Request unless a channel needs cookies. */
function ingestRequest(req) {
  let web;
  return {
    headers: {
      get(name) {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    readBody(maxBytes) {
      return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        const onData = (chunk) => {
          size += chunk.length;
          if (size > maxBytes) {
            // The rest is not read: the connection closes once the 413 is sent.
            req.off('data', onData).off('end', onEnd).pause();
            req.tooLarge = true;
            resolve({ tooLarge: true });
          } else chunks.push(chunk);
        };
        const onEnd = () => resolve({ bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
        req.on('data', onData).on('end', onEnd).on('error', reject);
      });
    },
    webRequest() {
      web ??= new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, {
        method: 'POST',
        headers: req.headers,
      });
      return web;
    },
  };
}

async function ingestDirect(req, res) {
  try {
    const reply = await handleIngest(ingestRequest(req));
    const headers = { ...Object.fromEntries(STATIC_SECURITY_HEADERS), ...(hsts ? { [hsts[0]]: hsts[1] } : {}) };
    if (req.tooLarge) headers.connection = 'close';
    if (reply instanceof Response) {
      res.writeHead(reply.status, { ...headers, ...Object.fromEntries(reply.headers) });
      res.end(await reply.text());
    } else {
      res.writeHead(reply.status, { ...headers, ...reply.headers, 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    }
  } catch (err) {
    console.error('[direct POST /api/responses]', err);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: { code: 'internal_error', message: 'Something went wrong on our side; please try again.' },
      }),
    );
  }
}

const app = next({ dev: false, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();

function sendError(res, status, code, message) {
  res.writeHead(status, { ...Object.fromEntries(STATIC_SECURITY_HEADERS), 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code, message } }));
}

/** Whether a request path's percent-escapes decode; Next answers 500 to one that does not. */
function decodablePath(url) {
  try {
    decodeURIComponent((url ?? '/').split('?')[0]);
    return true;
  } catch {
    return false;
  }
}

const server = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req);
  if (hsts) res.setHeader(hsts[0], hsts[1]);
  const api = req.url?.startsWith('/api/') ?? false;
  if (!decodablePath(req.url)) {
    if (api) return sendError(res, 400, 'invalid_path', 'The address has a broken percent-escape.');
    // A page address that does not decode names no page: the not-found page, as for any other.
    req.url = '/_hailong/not-found';
  }
  if (api && !['GET', 'HEAD', 'POST', 'OPTIONS'].includes(req.method ?? '')) {
    return sendError(res, 405, 'method_not_allowed', 'This address takes GET or POST only.');
  }
  if (req.method === 'POST' && req.url === '/api/responses') return void ingestDirect(req, res);
  handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => {
  console.log(`Hài Lòng is serving on http://localhost:${port}`);
});

// A clean stop: no new connections, requests in flight finish (5 s at most), then the database
// closes, which on SQLite folds the WAL back into the file and removes it.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // How many answers each commit carried (docs/decisions/0006-group-commit.md): one line, once.
    const { stats } = ingestBatcher(getDb());
    if (stats.batches > 0)
      console.log(
        `Hài Lòng: ${stats.responses} responses written in ${stats.batches} group commits (${(stats.responses / stats.batches).toFixed(1)} on average, largest ${stats.largest}).`,
      );
    const closeDb = () =>
      closeProcessDb().then(
        () => process.exit(0),
        (err) => {
          console.error('Hài Lòng: closing the database failed:', err);
          process.exit(1);
        },
      );
    server.close(closeDb);
    server.closeIdleConnections?.();
    setTimeout(closeDb, 5_000).unref();
  });
}

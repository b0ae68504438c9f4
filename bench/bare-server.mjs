// The raw limit: a bare Node http server doing the same insert as POST /api/responses
// (response row + scored answers in one transaction, WAL, synchronous=NORMAL), with none of
// the validation, framework or idempotency work.
// Usage: node bench/bare-server.mjs PORT DB SURVEY_VERSION_ID POINT_ID UNIT_ID
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const [port, path, versionId, pointId, unitId] = process.argv.slice(2);
const db = new Database(path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

const insertResponse = db.prepare(
  `INSERT INTO responses (id, survey_version_id, point_id, unit_id, channel, completed_at, received_at, body_hash, answers, flags)
   VALUES (?, ${Number(versionId)}, ${Number(pointId)}, ${Number(unitId)}, ?, ?, ?, '', ?, 0)`,
);
const answerStatements = new Map();
const insert = db.transaction((body, now) => {
  insertResponse.run(body.id, body.channel, now, now, JSON.stringify(body.answers));
  const scored = Object.entries(body.answers).filter(([, v]) => typeof v === 'number');
  let stmt = answerStatements.get(scored.length);
  if (!stmt) {
    stmt = db.prepare(`INSERT INTO answers (response_id, question, value) VALUES ${scored.map(() => '(?, ?, ?)').join(', ')}`);
    answerStatements.set(scored.length, stmt);
  }
  stmt.run(scored.flatMap(([q, v]) => [body.id, q, v]));
});

createServer((req, res) => {
  if (req.method !== 'POST') return res.end('ok');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    insert(body, Date.now());
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: body.id, status: 'accepted' }));
  });
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));

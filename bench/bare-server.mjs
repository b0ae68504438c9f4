// The raw limit: a bare Node http server doing the same insert as POST /api/responses
// (response row + scored answers + the same rollup tiers, in one transaction, WAL,
// synchronous=NORMAL), with none of the validation, framework or idempotency work.
// Usage: node bench/bare-server.mjs PORT DB SURVEY_VERSION_ID POINT_ID UNIT_ID [plain|floor]
// `plain`: the response row and its answers only, no rollups (the plain-insert baseline).
// `floor`: the body parsed and answered, nothing stored (what Node's http costs alone).
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const [port, path, versionId, pointId, unitId, mode] = process.argv.slice(2);
const plain = mode === 'plain';
const floor = mode === 'floor';
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

// The same rollups as db/queries/rollup-writes.ts, so the ratio compares like with like.
const scoped = 'survey_version_id, unit_id, point_id';
const tail = 'channel, procedure_id, repeat';
const answerUpsert = (table, scope) => {
  const width = scope.split(',').length;
  return db.prepare(`INSERT INTO ${table} (${scope}, question, value, count)
    SELECT ${Array.from({ length: width }, () => '?').join(', ')}, j.key, j.value, 1 FROM json_each(?) AS j WHERE true
    ON CONFLICT (${scope}, question, value) DO UPDATE SET count = count + 1`);
};
const activityUpsert = (table, key) =>
  db.prepare(`INSERT INTO ${table} (${key}, responses, answers, satisfied) VALUES (${key
    .split(',')
    .map(() => '?')
    .join(', ')}, 1, ?, ?)
    ON CONFLICT (${key}) DO UPDATE SET responses = responses + 1, answers = answers + excluded.answers, satisfied = satisfied + excluded.satisfied`);
const rollup = {
  day: answerUpsert('rollup_answers_day', `${scoped}, day, ${tail}`),
  month: answerUpsert('rollup_answers_month', `${scoped}, month, ${tail}`),
  unitDay: answerUpsert('rollup_answers_unit_day', 'survey_version_id, unit_id, day, repeat'),
  unitMonth: answerUpsert('rollup_answers_unit_month', 'survey_version_id, unit_id, month, repeat'),
  activityDay: activityUpsert('rollup_activity_day', `${scoped}, day, hour, ${tail}`),
  activityMonth: activityUpsert('rollup_activity_month', `${scoped}, month, ${tail}`),
  hoursMonth: activityUpsert('rollup_hours_month', 'survey_version_id, unit_id, month, weekday, hour, repeat'),
};
const DAY_MS = 86_400_000;
const v = Number(versionId);
const u = Number(unitId);
const p = Number(pointId);

const insert = db.transaction((body, now) => {
  insertResponse.run(body.id, body.channel, now, now, JSON.stringify(body.answers));
  const scored = Object.entries(body.answers).filter(([, value]) => typeof value === 'number');
  let stmt = answerStatements.get(scored.length);
  if (!stmt) {
    stmt = db.prepare(
      `INSERT INTO answers (response_id, question, value) VALUES ${scored.map(() => '(?, ?, ?)').join(', ')}`,
    );
    answerStatements.set(scored.length, stmt);
  }
  stmt.run(scored.flatMap(([q, value]) => [body.id, q, value]));
  if (plain) return;

  const local = now + 7 * 3_600_000;
  const day = new Date(local).toISOString().slice(0, 10);
  const month = day.slice(0, 7);
  const hour = Math.floor((local % DAY_MS) / 3_600_000);
  const weekday = ((Math.floor(local / DAY_MS) + 3) % 7) + 1;
  const values = Object.create(null);
  values[''] = 0;
  let answers = 0;
  let satisfied = 0;
  for (const [q, value] of scored) {
    values[q] = value;
    if (q.startsWith('q_')) {
      answers += 1;
      if (value >= 4) satisfied += 1;
    }
  }
  const json = JSON.stringify(values);
  rollup.day.run(v, u, p, day, body.channel, 0, 0, json);
  rollup.month.run(v, u, p, month, body.channel, 0, 0, json);
  rollup.unitDay.run(v, u, day, 0, json);
  rollup.unitMonth.run(v, u, month, 0, json);
  rollup.activityDay.run(v, u, p, day, hour, body.channel, 0, 0, answers, satisfied);
  rollup.activityMonth.run(v, u, p, month, body.channel, 0, 0, answers, satisfied);
  rollup.hoursMonth.run(v, u, month, weekday, hour, 0, answers, satisfied);
});

createServer((req, res) => {
  if (req.method !== 'POST') return res.end('ok');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (!floor) insert(body, Date.now());
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: body.id, status: 'accepted' }));
  });
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));

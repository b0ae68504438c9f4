import type { Statement } from 'better-sqlite3';

import type { Db } from '../index';
import { RESPONSE_FLAGS } from '../schema';
import { createRollupWriter, type Activity, type RollupWriter } from './rollup-writes';

export type ResponseInsert = {
  id: string;
  surveyVersionId: number;
  pointId: number;
  unitId: number;
  procedureId: number | null;
  channel: string;
  dossier: string | null;
  locale: string | null;
  startedAt: number | null;
  completedAt: number;
  receivedAt: number;
  deviceId: number | null;
  operatorId: number | null;
  clientKey: string | null;
  bodyHash: string;
  answers: string;
  flags: number;
};

export type InsertOutcome =
  | { inserted: true; flags: number }
  | { inserted: false; existingBodyHash: string }
  | { inserted: false; dossierTaken: true };

export type InsertOptions = {
  /** DESIGN §2.3: a kiosk's identical answers within this window of its previous response are a repeat press. */
  repeatWindowMs?: number;
};

type Statements = {
  insertResponse: Statement;
  bodyHashOf: Statement<[string], { body_hash: string }>;
  answerInserts: Map<number, Statement>;
  dossierRated: Statement<[string], { one: number }>;
  previousOfDevice: Statement<[number, number], { answers: string; completed_at: number }>;
  rollups: RollupWriter;
};

// The ingest path runs thousands of times a second: its statements are prepared once per
// connection instead of being rebuilt by the query builder on every request.
const prepared = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      insertResponse: db.$client.prepare(
        `INSERT INTO responses (id, survey_version_id, point_id, unit_id, procedure_id, channel,
           dossier, locale, started_at, completed_at, received_at, device_id, operator_id,
           client_key, body_hash, answers, flags)
         VALUES (@id, @surveyVersionId, @pointId, @unitId, @procedureId, @channel, @dossier,
           @locale, @startedAt, @completedAt, @receivedAt, @deviceId, @operatorId, @clientKey, @bodyHash,
           @answers, @flags)
         ON CONFLICT (id) DO NOTHING`,
      ),
      bodyHashOf: db.$client.prepare('SELECT body_hash FROM responses WHERE id = ?'),
      answerInserts: new Map(),
      dossierRated: db.$client.prepare('SELECT 1 AS one FROM responses WHERE dossier = ? LIMIT 1'),
      // The device's latest response completed no later than this one (kiosks sync in order).
      previousOfDevice: db.$client.prepare(
        `SELECT answers, completed_at FROM responses
         WHERE device_id = ? AND completed_at <= ? ORDER BY completed_at DESC LIMIT 1`,
      ),
      rollups: createRollupWriter(db.$client),
    };
    prepared.set(db, s);
  }
  return s;
}

/** One multi-row INSERT for all scored answers: 1.5x faster than one statement per answer. */
function answerInsert(db: Db, count: number): Statement {
  const s = statements(db);
  let stmt = s.answerInserts.get(count);
  if (!stmt) {
    const rows = Array.from({ length: count }, () => '(?, ?, ?)').join(', ');
    stmt = db.$client.prepare(`INSERT INTO answers (response_id, question, value) VALUES ${rows}`);
    s.answerInserts.set(count, stmt);
  }
  return stmt;
}

export function findResponseBodyHash(db: Db, id: string): string | null {
  return statements(db).bodyHashOf.get(id)?.body_hash ?? null;
}

export function isDossierRated(db: Db, dossier: string): boolean {
  return statements(db).dossierRated.get(dossier) !== undefined;
}

function isRepeatPress(s: Statements, row: ResponseInsert, windowMs: number): boolean {
  if (row.deviceId === null || windowMs <= 0) return false;
  const previous = s.previousOfDevice.get(row.deviceId, row.completedAt);
  return previous !== undefined && row.completedAt - previous.completed_at <= windowMs && previous.answers === row.answers;
}

/**
 * Stores a response, its scored answers and its rollup counts in one transaction. A response
 * with the same id already stored (a retry, or a concurrent twin that won the race) is left as it
 * is and its body hash returned, so the caller can tell a replay from a conflict. `activity` is
 * the response's index answers and satisfied answers (lib/indices activityOf). A dossier is rated
 * once (Decree 61/2018): a second response naming it is refused, checked inside the transaction
 * so two racing submissions cannot both pass. A kiosk's repeat press is flagged, and its rollup
 * counts are kept apart.
 */
export function insertResponse(
  db: Db,
  row: ResponseInsert,
  scored: readonly { question: string; value: number }[],
  activity: Activity,
  { repeatWindowMs = 0 }: InsertOptions = {},
): InsertOutcome {
  const s = statements(db);
  const run = db.$client.transaction((): InsertOutcome => {
    if (row.dossier !== null) {
      // A racing replay of this very response must still read as a replay, not as a second rating.
      const existing = s.bodyHashOf.get(row.id);
      if (existing) return { inserted: false, existingBodyHash: existing.body_hash };
      if (s.dossierRated.get(row.dossier)) return { inserted: false, dossierTaken: true };
    }
    const flags = isRepeatPress(s, row, repeatWindowMs) ? row.flags | RESPONSE_FLAGS.repeat : row.flags;
    const { changes } = s.insertResponse.run(flags === row.flags ? row : { ...row, flags });
    if (changes === 0) {
      return { inserted: false, existingBodyHash: s.bodyHashOf.get(row.id)?.body_hash ?? '' };
    }
    if (scored.length > 0) {
      answerInsert(db, scored.length).run(scored.flatMap((a) => [row.id, a.question, a.value]));
    }
    s.rollups(flags === row.flags ? row : { ...row, flags }, scored, activity);
    return { inserted: true, flags };
  });
  return run.immediate();
}

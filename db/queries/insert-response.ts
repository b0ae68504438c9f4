import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';

import { dialectOf, first, rawAll, withTransaction, type Queryable } from '../index';
import { answers, RESPONSE_FLAGS, responses } from '../schema';
import { selectJsonRows } from './json-rows';
import { reusable } from './reusable';
import { writeRollups, writeRollupsMerged, type Activity } from './rollup-writes';

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
  officerId: number | null;
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
  /** A kiosk's identical answers within this window of its previous response are a repeat press (docs/domain.md, statistics). */
  repeatWindowMs?: number;
};

// The class of the advisory locks that serialise responses naming the same dossier (PostgreSQL).
const DOSSIER_LOCK = 727_002;

const p = <K extends keyof ResponseInsert>(key: K) => sql.placeholder(key);

// The ingest path runs thousands of times a second: its statements are built once, not by the
// query builder on every request (see reusable). Fields are named as their SQL columns, which is
// how rows come back.
const insertRow = reusable<{ id: string }>((q) =>
  q
    .insert(responses)
    .values({
      id: p('id'),
      surveyVersionId: p('surveyVersionId'),
      pointId: p('pointId'),
      unitId: p('unitId'),
      procedureId: p('procedureId'),
      channel: p('channel'),
      dossier: p('dossier'),
      locale: p('locale'),
      startedAt: p('startedAt'),
      completedAt: p('completedAt'),
      receivedAt: p('receivedAt'),
      deviceId: p('deviceId'),
      operatorId: p('operatorId'),
      officerId: p('officerId'),
      clientKey: p('clientKey'),
      bodyHash: p('bodyHash'),
      answers: p('answers'),
      flags: p('flags'),
    })
    .onConflictDoNothing({ target: responses.id })
    .returning({ id: responses.id }),
);

const selectBodyHash = reusable<{ body_hash: string }>((q) =>
  q
    .select({ body_hash: responses.bodyHash })
    .from(responses)
    .where(eq(responses.id, p('id'))),
);

const selectDossier = reusable<{ id: string }>((q) =>
  q
    .select({ id: responses.id })
    .from(responses)
    .where(eq(responses.dossier, p('dossier')))
    .limit(1),
);

// The device's latest response completed no later than this one (kiosks sync in order).
const selectPreviousOfDevice = reusable<{ answers: string; completed_at: number }>((q) =>
  q
    .select({ answers: responses.answers, completed_at: responses.completedAt })
    .from(responses)
    .where(and(eq(responses.deviceId, p('deviceId')), lte(responses.completedAt, p('completedAt'))))
    .orderBy(desc(responses.completedAt))
    .limit(1),
);

/** One multi-row INSERT for all scored answers: 1.5x faster than one statement per answer. */
const answerInserts = new Map<number, ReturnType<typeof reusable>>();

async function insertAnswers(
  q: Queryable,
  id: string,
  scored: readonly { question: string; value: number }[],
): Promise<void> {
  let insert = answerInserts.get(scored.length);
  if (!insert) {
    const rows = Array.from({ length: scored.length }, (_, i) => ({
      responseId: sql.placeholder('id'),
      question: sql.placeholder(`q${i}`),
      value: sql.placeholder(`v${i}`),
    }));
    answerInserts.set(scored.length, (insert = reusable((q) => q.insert(answers).values(rows))));
  }
  const params: Record<string, unknown> = { id };
  scored.forEach((a, i) => {
    params[`q${i}`] = a.question;
    params[`v${i}`] = a.value;
  });
  await insert(q, params);
}

async function bodyHashOf(q: Queryable, id: string): Promise<string | null> {
  return first(await selectBodyHash(q, { id }))?.body_hash ?? null;
}

export async function findResponseBodyHash(db: Queryable, id: string): Promise<string | null> {
  return bodyHashOf(db, id);
}

/** The stored body hash of each of these response ids that is stored. */
export async function findResponseBodyHashes(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: responses.id, hash: responses.bodyHash })
    .from(responses)
    .where(inArray(responses.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.hash]));
}

export async function isDossierRated(db: Queryable, dossier: string): Promise<boolean> {
  return (await selectDossier(db, { dossier })).length > 0;
}

async function isRepeatPress(q: Queryable, row: ResponseInsert, windowMs: number): Promise<boolean> {
  if (row.deviceId === null || windowMs <= 0) return false;
  const previous = first(await selectPreviousOfDevice(q, { deviceId: row.deviceId, completedAt: row.completedAt }));
  return previous !== null && row.completedAt - previous.completed_at <= windowMs && previous.answers === row.answers;
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
  db: Queryable,
  row: ResponseInsert,
  scored: readonly { question: string; value: number }[],
  activity: Activity,
  { repeatWindowMs = 0 }: InsertOptions = {},
): Promise<InsertOutcome> {
  return withTransaction(db, async (tx): Promise<InsertOutcome> => {
    if (row.dossier !== null) {
      // SQLite runs one write transaction at a time; PostgreSQL's concurrent transactions would
      // both find the dossier unrated, so they take turns per dossier until commit.
      if (dialectOf(tx) === 'postgres')
        await rawAll(tx, sql`SELECT pg_advisory_xact_lock(${DOSSIER_LOCK}, hashtext(${row.dossier}))`);
      // A racing replay of this very response must still read as a replay, not as a second rating.
      const existing = await bodyHashOf(tx, row.id);
      if (existing !== null) return { inserted: false, existingBodyHash: existing };
      if (await isDossierRated(tx, row.dossier)) return { inserted: false, dossierTaken: true };
    }
    const flags = (await isRepeatPress(tx, row, repeatWindowMs)) ? row.flags | RESPONSE_FLAGS.repeat : row.flags;
    const stored = flags === row.flags ? row : { ...row, flags };
    const inserted = await insertRow(tx, stored);
    if (inserted.length === 0) {
      return { inserted: false, existingBodyHash: (await bodyHashOf(tx, row.id)) ?? '' };
    }
    if (scored.length > 0) await insertAnswers(tx, row.id, scored);
    await writeRollups(tx, stored, scored, activity);
    return { inserted: true, flags };
  });
}

export type BatchItem = {
  row: ResponseInsert;
  scored: readonly { question: string; value: number }[];
  activity: Activity;
  repeatWindowMs: number;
};

/**
 * Stores many responses in the caller's transaction `tx`, with the same outcome for each as
 * `insertResponse` would give it alone, in order: a response whose id is stored (or came earlier
 * in the batch) is not inserted and reports the stored body hash; a dossier rated before (or
 * earlier in the batch) is refused. A refusal is an outcome, not an error, so it never fails the
 * rest of the batch. The rollup counts of all inserted responses are summed in memory and each
 * rollup row is upserted once (writeRollupsMerged). PostgreSQL gets one multi-row statement for
 * the responses and one for the answers; SQLite, with no round trips to save, reuses the
 * per-response prepared statements.
 */
export async function insertResponseBatch(tx: Queryable, items: readonly BatchItem[]): Promise<InsertOutcome[]> {
  const pg = dialectOf(tx) === 'postgres';
  const dossiers = [...new Set(items.flatMap((i) => (i.row.dossier === null ? [] : [i.row.dossier])))].sort();
  // Other instances' batches take the same dossier locks, in the same (sorted) order.
  if (pg && dossiers.length > 0) {
    await rawAll(
      tx,
      sql`SELECT pg_advisory_xact_lock(${DOSSIER_LOCK}, hashtext(d)) FROM (SELECT DISTINCT d FROM jsonb_array_elements_text(${JSON.stringify(dossiers)}::jsonb) AS d ORDER BY d) AS s`,
    );
  }
  const stored = await findResponseBodyHashes(tx, [...new Set(items.map((i) => i.row.id))]);
  const rated = new Set(
    dossiers.length === 0
      ? []
      : (
          await tx.select({ dossier: responses.dossier }).from(responses).where(inArray(responses.dossier, dossiers))
        ).map((r) => r.dossier),
  );

  const outcomes: InsertOutcome[] = new Array(items.length);
  const firstIndex = new Map<string, number>(); // id → index of its first item in the batch
  const duplicates: number[] = [];
  const fresh: { index: number; row: ResponseInsert }[] = [];
  const latestOfDevice = new Map<number, ResponseInsert>();
  for (const [index, item] of items.entries()) {
    const { row } = item;
    if (firstIndex.has(row.id)) {
      duplicates.push(index);
      continue;
    }
    firstIndex.set(row.id, index);
    const hash = stored.get(row.id);
    if (hash !== undefined) {
      outcomes[index] = { inserted: false, existingBodyHash: hash };
      continue;
    }
    if (row.dossier !== null) {
      if (rated.has(row.dossier)) {
        outcomes[index] = { inserted: false, dossierTaken: true };
        continue;
      }
      rated.add(row.dossier);
    }
    let flags = row.flags;
    if (row.deviceId !== null && item.repeatWindowMs > 0) {
      // The device's previous response: stored, or earlier in this batch (kiosks sync in order).
      const inBatch = latestOfDevice.get(row.deviceId);
      const before =
        inBatch && inBatch.completedAt <= row.completedAt
          ? { answers: inBatch.answers, completed_at: inBatch.completedAt }
          : first(await selectPreviousOfDevice(tx, { deviceId: row.deviceId, completedAt: row.completedAt }));
      if (
        before !== null &&
        row.completedAt - before.completed_at <= item.repeatWindowMs &&
        before.answers === row.answers
      )
        flags |= RESPONSE_FLAGS.repeat;
      latestOfDevice.set(row.deviceId, row);
    }
    fresh.push({ index, row: flags === row.flags ? row : { ...row, flags } });
  }

  const inserted = new Set<string>();
  if (pg) {
    if (fresh.length > 0) {
      const rows = await tx
        .insert(responses)
        // In id order: concurrent batches lock the new ids in the same order.
        .select(
          selectJsonRows(
            tx,
            responses,
            fresh.map((f) => f.row).sort((a, b) => (a.id < b.id ? -1 : 1)),
          ),
        )
        .onConflictDoNothing({ target: responses.id })
        .returning({ id: responses.id });
      for (const r of rows) inserted.add(r.id);
      const answerRows = fresh
        .filter((f) => inserted.has(f.row.id))
        .flatMap((f) =>
          items[f.index]!.scored.map((a) => ({ responseId: f.row.id, question: a.question, value: a.value })),
        );
      if (answerRows.length > 0) await tx.insert(answers).select(selectJsonRows(tx, answers, answerRows));
    }
  } else {
    for (const f of fresh) {
      if ((await insertRow(tx, f.row)).length === 0) continue;
      inserted.add(f.row.id);
      const scored = items[f.index]!.scored;
      if (scored.length > 0) await insertAnswers(tx, f.row.id, scored);
    }
  }
  for (const f of fresh) {
    // Not inserted after all: another instance stored the same id since the read above.
    outcomes[f.index] = inserted.has(f.row.id)
      ? { inserted: true, flags: f.row.flags }
      : { inserted: false, existingBodyHash: (await bodyHashOf(tx, f.row.id)) ?? '' };
  }
  for (const index of duplicates) {
    const winner = firstIndex.get(items[index]!.row.id)!;
    const outcome = outcomes[winner]!;
    outcomes[index] = outcome.inserted ? { inserted: false, existingBodyHash: items[winner]!.row.bodyHash } : outcome;
  }
  await writeRollupsMerged(
    tx,
    fresh
      .filter((f) => inserted.has(f.row.id))
      .map((f) => ({ fact: f.row, scored: items[f.index]!.scored, activity: items[f.index]!.activity })),
  );
  return outcomes;
}

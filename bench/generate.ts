// Two years of SIPAS responses for the dashboard benchmark, written straight to the database (not
// over HTTP) with the rollups the app keeps. Tables come from '@/db/schema', so a process
// generates for the engine its DATABASE_URL names.
import { sql } from 'drizzle-orm';

import { dialectOf, migrateDatabase, rawAll, sqliteClient, withTransaction, type Db } from '@/db';
import { selectJsonRows } from '@/db/queries/json-rows';
import { createRollupWriter, type RollupWriter } from '@/db/queries/rollup-writes';
import { rebuildRollups } from '@/server/rollups';
import { activityOf, indexThresholds, type IndexThresholds } from '@/lib/indices/activity';
import { parseSurveyDefinition } from '@/lib/survey/definition';
import { extractScoring } from '@/lib/survey/scoring';
import { answers, responses } from '@/db/schema';
import { seedReferenceData, seedSurveys } from '@/server/seed';
import { seededRandom } from '@/lib/demo/random';

export type Fixture = {
  versionId: number;
  points: { id: number; unitId: number; code: string; procedures: number[] }[];
  questions: string[];
  satisfiedFrom: number;
  /** The index criteria, for the respondents' scores the rollups keep. */
  criteria: IndexThresholds;
};

export async function prepare(db: Db): Promise<{ db: Db; fx: Fixture }> {
  await migrateDatabase(db);
  await seedReferenceData(db);
  await seedSurveys(db);
  const [version] = await rawAll<{ id: number; definition: string }>(
    db,
    sql`SELECT sv.id, sv.definition FROM survey_versions sv JOIN surveys s ON s.id = sv.survey_id WHERE s.slug = 'sipas' ORDER BY sv.version DESC LIMIT 1`,
  );
  if (!version) throw new Error('the seed has no SIPAS survey');
  const versionId = version.id;
  const points: Fixture['points'] = [];
  for (const p of await rawAll<Omit<Fixture['points'][number], 'procedures'>>(
    db,
    sql`SELECT id, unit_id AS "unitId", code FROM service_points ORDER BY id`,
  )) {
    const procedures = await rawAll<{ id: number }>(
      db,
      sql`SELECT procedure_id AS id FROM point_procedures WHERE point_id = ${p.id} ORDER BY procedure_id`,
    );
    points.push({ ...p, procedures: procedures.map((r) => r.id) });
  }
  const definition = JSON.parse(version.definition);
  const questions: string[] = [];
  const walk = (els: { name?: string; type?: string; dimension?: string; elements?: unknown[] }[]) => {
    for (const e of els) {
      if (e.type === 'radiogroup' && e.dimension) questions.push(e.name!);
      if (e.elements) walk(e.elements as typeof els);
    }
  };
  for (const page of definition.pages) walk(page.elements);
  const criteria = indexThresholds(extractScoring(parseSurveyDefinition(definition, 'sipas')));
  return { db, fx: { versionId, points, questions, satisfiedFrom: 4, criteria } };
}

export type Span = { startMs: number; endMs: number };
type Generated = {
  id: string;
  point: Fixture['points'][number];
  procedureId: number | null;
  channel: string;
  completedAt: number;
  scored: { question: string; value: number }[];
  satisfied: number;
};

const CHANNELS = ['kiosk', 'qr', 'web', 'hotline'];

/**
 * Responses number `from … to-1` in time order, evenly over [startMs, endMs), as they arrive in
 * production (so the rollups' recent pages stay hot). The same numbers give the same responses
 * on both engines.
 */
function* responsesOf(fx: Fixture, from: number, to: number, span: Span): Generator<Generated> {
  const random = seededRandom(from + 1);
  const step = (span.endMs - span.startMs) / Math.max(1, to - from);
  for (let i = from; i < to; i++) {
    const point = fx.points[i % fx.points.length]!;
    const completedAt = Math.floor(span.startMs + (i - from) * step + random() * step);
    const scored: { question: string; value: number }[] = [];
    let satisfied = 0;
    for (const q of fx.questions) {
      const value = random() < 0.82 ? 4 + Math.round(random()) : 1 + Math.floor(random() * 3);
      if (value >= fx.satisfiedFrom) satisfied += 1;
      scored.push({ question: q, value });
    }
    scored.push({ question: 'overall', value: 4 });
    const procedureId =
      point.procedures.length > 0 && random() < 0.85
        ? point.procedures[Math.floor(random() * point.procedures.length)]!
        : null;
    const channel = CHANNELS[Math.floor(random() * 4)]!;
    yield {
      id: `b${i.toString(36).padStart(10, '0')}-0000-4000-a000-000000000000`,
      point,
      procedureId,
      channel,
      completedAt,
      scored,
      satisfied,
    };
  }
}

const answersJson = (r: Generated) => JSON.stringify(Object.fromEntries(r.scored.map((a) => [a.question, a.value])));

/**
 * Stores responses `from … to-1` (see responsesOf) with their answers and, unless `rollups` is
 * false, their rollup counts. Returns responses per second.
 */
export async function generate(
  db: Db,
  fx: Fixture,
  from: number,
  to: number,
  span: Span,
  rollups: boolean,
): Promise<number> {
  const started = performance.now();
  if (dialectOf(db) === 'postgres') await generatePg(db, fx, from, to, span, rollups);
  else await generateSqlite(db, fx, from, to, span, rollups);
  return ((to - from) / (performance.now() - started)) * 1000;
}

// Raw prepared statements for the responses and answers, the rollups as the app writes them.
async function generateSqlite(
  db: Db,
  fx: Fixture,
  from: number,
  to: number,
  span: Span,
  rollups: boolean,
): Promise<void> {
  const c = sqliteClient(db);
  const insertResponse = c.prepare(
    `INSERT INTO responses (id, survey_version_id, point_id, unit_id, procedure_id, channel, completed_at, received_at, body_hash, answers, flags)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, 0)`,
  );
  const rowCount = fx.questions.length + 1;
  const insertAnswers = c.prepare(
    `INSERT INTO answers (response_id, question, value) VALUES ${Array.from({ length: rowCount }, () => '(?, ?, ?)').join(', ')}`,
  );
  const writer: RollupWriter | null = rollups ? createRollupWriter(db) : null;
  const all = responsesOf(fx, from, to, span);
  // The raw statements run on the connection the transaction holds, so they commit with it.
  const batch = (size: number) =>
    withTransaction(db, async () => {
      for (let k = 0; k < size; k++) {
        const r = all.next().value as Generated;
        insertResponse.run(
          r.id,
          fx.versionId,
          r.point.id,
          r.point.unitId,
          r.procedureId,
          r.channel,
          r.completedAt,
          r.completedAt,
          answersJson(r),
        );
        insertAnswers.run(r.scored.flatMap((a) => [r.id, a.question, a.value]));
        await writer?.(
          {
            surveyVersionId: fx.versionId,
            unitId: r.point.unitId,
            pointId: r.point.id,
            procedureId: r.procedureId,
            channel: r.channel,
            completedAt: r.completedAt,
            flags: 0,
          },
          r.scored,
          activityOf(fx.criteria, r.scored),
        );
      }
    });
  for (let i = from; i < to; i += 10_000) await batch(Math.min(to, i + 10_000) - i);
}

// One statement per table per batch, the rows as one JSON parameter, as the demo seeder loads;
// then the rollups in one pass (`admin rollups rebuild`, whose counts the rebuild test holds equal
// to the insert path's). Summing them per batch took three times as long at 100 k, and per-row
// round trips would make a million take hours.
async function generatePg(db: Db, fx: Fixture, from: number, to: number, span: Span, rollups: boolean): Promise<void> {
  const all = responsesOf(fx, from, to, span);
  for (let i = from; i < to; i += 2_000) {
    const batch: Generated[] = [];
    for (let k = i; k < Math.min(to, i + 2_000); k++) batch.push(all.next().value as Generated);
    await withTransaction(db, async (tx) => {
      const rows = batch.map((r) => ({
        id: r.id,
        surveyVersionId: fx.versionId,
        pointId: r.point.id,
        unitId: r.point.unitId,
        procedureId: r.procedureId,
        channel: r.channel,
        completedAt: r.completedAt,
        receivedAt: r.completedAt,
        bodyHash: 'bench',
        answers: answersJson(r),
        flags: 0,
      }));
      await tx.insert(responses).select(selectJsonRows(tx, responses, rows));
      const answerRows = batch.flatMap((r) => r.scored.map((a) => ({ responseId: r.id, ...a })));
      await tx.insert(answers).select(selectJsonRows(tx, answers, answerRows));
    });
  }
  if (rollups) await rebuildRollups(db);
}

import { createHash } from 'node:crypto';

import { and, asc, eq, inArray } from 'drizzle-orm';

import { seededRandom } from '@/lib/demo/random';
import { demoResponse, type DemoDesk } from '@/lib/demo/story';
import { activityOf } from '@/lib/indices/activity';

import { withTransaction, type Queryable } from '@/db/index';
import type { ResponseInsert } from '@/db/queries/insert-response';
import { selectJsonRows } from '@/db/queries/json-rows';
import { writeRollupsBatch, type RollupItem } from '@/db/queries/rollup-writes';

import { compiledFromJson } from './survey-versions';
import { answers, pointProcedures, responses, servicePoints, surveys, surveyVersions, units } from '@/db/schema';

const DAY_MS = 86_400_000;
const BATCH = 1000;

/** A UUID-shaped id derived from the seed and position: the same demo on every run. */
function demoId(seed: number, i: number): string {
  const h = createHash('sha256').update(`hai-long-demo:${seed}:${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Stores `count` demo responses over the year before `nowMs`: answers validated against the
 * published survey as POST /api/responses does, stored with their scored answers and rollup
 * counts, 1,000 per transaction. Responses and answers go in as one statement per batch, rollups
 * through writeRollupsBatch (same counts as the insert path); the insert path's dozen statements
 * per response would make a million take hours on PostgreSQL. Demo responses name no dossier and
 * no device, so that path's dossier and repeat checks would have nothing to do. Deterministic for
 * a given seed; responses already stored by an earlier run are skipped. Returns how many were
 * stored.
 */
export async function seedDemoResponses(
  db: Queryable,
  { count, seed = 2026, nowMs = Date.now() }: { count: number; seed?: number; nowMs?: number },
): Promise<number> {
  const published = await db
    .select({ slug: surveys.slug, versionId: surveyVersions.id, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(
      surveyVersions,
      and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.publishedVersion)),
    )
    .where(inArray(surveys.slug, ['quick', 'sipas']));
  const surveyBySlug = new Map(
    published.map((s) => {
      const { validator, thresholds, scoring } = compiledFromJson(s.versionId, s.definition, `survey ${s.slug}`);
      return [s.slug, { versionId: s.versionId, validator, thresholds, scoring }] as const;
    }),
  );
  const sipas = surveyBySlug.get('sipas');
  if (!surveyBySlug.get('quick') || !sipas) throw new Error('seed the surveys before demo responses');
  const sipasCriteria = sipas.scoring.questions.filter((q) => q.dimension !== null).map((q) => q.name);

  const procedureRows = await db
    .select({ pointId: pointProcedures.pointId, procedureId: pointProcedures.procedureId })
    .from(pointProcedures);
  const desks: DemoDesk[] = (
    await db
      .select({
        pointId: servicePoints.id,
        unitId: servicePoints.unitId,
        code: servicePoints.code,
        unitCode: units.code,
      })
      .from(servicePoints)
      .innerJoin(units, eq(units.id, servicePoints.unitId))
      .where(eq(servicePoints.active, true))
      .orderBy(asc(servicePoints.code))
  ).map((d) => ({
    ...d,
    procedureIds: procedureRows.filter((r) => r.pointId === d.pointId).map((r) => r.procedureId),
  }));
  if (desks.length === 0) throw new Error('seed the reference data before demo responses');

  const random = seededRandom(seed);
  const fromMs = nowMs - 365 * DAY_MS;
  let stored = 0;
  for (let from = 0; from < count; from += BATCH) {
    const batch: (RollupItem & { row: ResponseInsert })[] = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++) {
      const r = demoResponse(random, { desks, sipasCriteria, fromMs, toMs: nowMs });
      const survey = surveyBySlug.get(r.survey)!;
      const checked = survey.validator.validate(r.answers);
      if (!checked.ok)
        throw new Error(`demo response ${i} invalid: ${checked.issues.map((x) => x.message).join('; ')}`);
      const row: ResponseInsert = {
        id: demoId(seed, i),
        surveyVersionId: survey.versionId,
        pointId: r.desk.pointId,
        unitId: r.desk.unitId,
        procedureId: r.procedureId,
        channel: r.channel,
        dossier: null,
        locale: 'vi',
        startedAt: r.completedAt - 60_000,
        completedAt: r.completedAt,
        receivedAt: r.completedAt,
        deviceId: null,
        operatorId: null,
        officerId: null,
        clientKey: null,
        bodyHash: 'demo',
        answers: JSON.stringify(checked.data),
        flags: 0,
      };
      batch.push({ row, fact: row, scored: checked.scored, activity: activityOf(survey.thresholds, checked.scored) });
    }
    stored += await withTransaction(db, async (tx) => {
      const inserted = await tx
        .insert(responses)
        .select(
          selectJsonRows(
            tx,
            responses,
            batch.map((b) => b.row),
          ),
        )
        .onConflictDoNothing({ target: responses.id })
        .returning({ id: responses.id });
      const ids = new Set(inserted.map((r) => r.id));
      const fresh = batch.filter((b) => ids.has(b.row.id));
      const answerRows = fresh.flatMap((b) =>
        b.scored.map((a) => ({ responseId: b.row.id, question: a.question, value: a.value })),
      );
      if (answerRows.length > 0) await tx.insert(answers).select(selectJsonRows(tx, answers, answerRows));
      await writeRollupsBatch(tx, fresh);
      return fresh.length;
    });
  }
  return stored;
}

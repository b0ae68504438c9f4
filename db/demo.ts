import { createHash } from 'node:crypto';

import { seededRandom } from '@/lib/demo/random';
import { demoResponse, type DemoDesk } from '@/lib/demo/story';
import { activityOf, indexThresholds } from '@/lib/indices/activity';
import { createAnswerValidator } from '@/lib/survey/answers';
import { parseSurveyDefinition } from '@/lib/survey/definition';
import { extractScoring } from '@/lib/survey/scoring';

import type { Db } from './index';
import { insertResponse } from './queries/insert-response';

const DAY_MS = 86_400_000;

/** A UUID-shaped id derived from the seed and position: the same demo on every run. */
function demoId(seed: number, i: number): string {
  const h = createHash('sha256').update(`hai-long-demo:${seed}:${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Stores `count` demo responses over the year before `nowMs` through the same insert path as
 * POST /api/responses (answers validated against the published survey, rollups kept in the same
 * transaction), in batches of 1,000 per transaction. Deterministic for a given seed.
 */
export function seedDemoResponses(db: Db, { count, seed = 2026, nowMs = Date.now() }: { count: number; seed?: number; nowMs?: number }): number {
  const client = db.$client;
  const surveys = new Map(
    (
      client
        .prepare(
          `SELECT s.slug, sv.id AS versionId, sv.definition FROM surveys s
           JOIN survey_versions sv ON sv.survey_id = s.id AND sv.version = s.published_version WHERE s.slug IN ('quick', 'sipas')`,
        )
        .all() as { slug: string; versionId: number; definition: string }[]
    ).map((s) => {
      const definition = parseSurveyDefinition(JSON.parse(s.definition), `survey ${s.slug}`);
      const scoring = extractScoring(definition);
      return [s.slug, { versionId: s.versionId, validator: createAnswerValidator(definition), thresholds: indexThresholds(scoring), scoring }] as const;
    }),
  );
  const sipas = surveys.get('sipas');
  if (!surveys.get('quick') || !sipas) throw new Error('seed the surveys before demo responses');
  const sipasCriteria = sipas.scoring.questions.filter((q) => q.dimension !== null).map((q) => q.name);

  const procedureRows = client.prepare('SELECT point_id AS pointId, procedure_id AS procedureId FROM point_procedures').all() as {
    pointId: number;
    procedureId: number;
  }[];
  const desks: DemoDesk[] = (
    client
      .prepare(
        `SELECT p.id AS pointId, p.unit_id AS unitId, p.code, u.code AS unitCode FROM service_points p
         JOIN units u ON u.id = p.unit_id WHERE p.active = 1 ORDER BY p.code`,
      )
      .all() as Omit<DemoDesk, 'procedureIds'>[]
  ).map((d) => ({ ...d, procedureIds: procedureRows.filter((r) => r.pointId === d.pointId).map((r) => r.procedureId) }));
  if (desks.length === 0) throw new Error('seed the reference data before demo responses');

  const random = seededRandom(seed);
  const fromMs = nowMs - 365 * DAY_MS;
  let stored = 0;
  const batch = client.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = demoResponse(random, { desks, sipasCriteria, fromMs, toMs: nowMs });
      const survey = surveys.get(r.survey)!;
      const checked = survey.validator.validate(r.answers);
      if (!checked.ok) throw new Error(`demo response ${i} invalid: ${checked.issues.map((x) => x.message).join('; ')}`);
      const outcome = insertResponse(
        db,
        {
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
          clientKey: null,
          bodyHash: 'demo',
          answers: JSON.stringify(checked.data),
          flags: 0,
        },
        checked.scored,
        activityOf(survey.thresholds, checked.scored),
      );
      if (outcome.inserted) stored += 1;
    }
  });
  for (let i = 0; i < count; i += 1000) batch(i, Math.min(count, i + 1000));
  return stored;
}

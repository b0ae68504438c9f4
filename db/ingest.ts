import { checkTiming, type Envelope } from '@/lib/ingest/envelope';
import { activityOf, indexThresholds, type IndexThresholds } from '@/lib/indices/activity';
import { createAnswerValidator } from '@/lib/survey/answers';
import { parseSurveyDefinition } from '@/lib/survey/definition';
import { extractScoring } from '@/lib/survey/scoring';

import type { Db } from './index';
import { findResponseBodyHash, insertResponse } from './queries/insert-response';
import { findPointByCode } from './queries/points';
import { findProcedureByCode } from './queries/procedures';
import { findSurveyVersionById, findSurveyVersionRef, type SurveyVersionRef } from './queries/surveys';

export type IngestInput = {
  envelope: Envelope;
  bodyHash: string;
  receivedAt: number;
  clientKey: string | null;
  /** A paired kiosk: its desk overrides the body's `point`. */
  device?: { id: number; pointCode: string };
};

export type IngestOutcome =
  | { kind: 'accepted' }
  | { kind: 'replayed' }
  | { kind: 'conflict' }
  | { kind: 'rejected'; status: 400 | 404 | 422; code: string; message: string };

type Validator = ReturnType<typeof createAnswerValidator> & { thresholds: IndexThresholds };

// Survey versions are immutable, so a validator (with its headless SurveyJS model) is built
// once per version and reused for every response to it.
const validators = new Map<number, Validator>();

function validatorFor(db: Db, ref: SurveyVersionRef): Validator {
  let v = validators.get(ref.versionId);
  if (!v) {
    const record = findSurveyVersionById(db, { versionId: ref.versionId });
    if (!record) throw new Error(`survey version ${ref.versionId} vanished`);
    const definition = parseSurveyDefinition(
      JSON.parse(record.definition),
      `survey ${record.slug} v${record.version}`,
    );
    v = Object.assign(createAnswerValidator(definition), { thresholds: indexThresholds(extractScoring(definition)) });
    validators.set(record.versionId, v);
  }
  return v;
}

const rejected = (status: 400 | 404 | 422, code: string, message: string): IngestOutcome => ({
  kind: 'rejected',
  status,
  code,
  message,
});

/**
 * Validates a response against the exact survey version and stores it exactly once.
 * Every rejection happens before the write, so a 4xx never leaves anything behind.
 */
export function ingestResponse(db: Db, input: IngestInput): IngestOutcome {
  const { envelope: env } = input;

  // A retry of a stored response is answered from the stored hash, even if the survey or
  // desk changed since: the client must be able to clear its queue.
  const storedHash = findResponseBodyHash(db, env.id);
  if (storedHash !== null) return storedHash === input.bodyHash ? { kind: 'replayed' } : { kind: 'conflict' };

  const survey = findSurveyVersionRef(db, { slug: env.survey, version: env.surveyVersion });
  if (!survey) {
    return env.surveyVersion === undefined
      ? rejected(404, 'unknown_survey', `No published survey "${env.survey}".`)
      : rejected(404, 'unknown_survey_version', `Survey "${env.survey}" has no version ${env.surveyVersion}.`);
  }

  const pointCode = input.device?.pointCode ?? env.point;
  const point = findPointByCode(db, { code: pointCode });
  if (!point || !point.active || !point.unit.active) {
    return rejected(404, 'unknown_point', `No active service point "${pointCode}".`);
  }

  let procedureId: number | null = null;
  if (env.procedure !== undefined) {
    const procedure = findProcedureByCode(db, { code: env.procedure });
    if (!procedure) return rejected(404, 'unknown_procedure', `No procedure "${env.procedure}" in the catalogue.`);
    procedureId = procedure.id;
  }

  const timing = checkTiming(env, input.receivedAt);
  if (!timing.ok) return rejected(400, 'invalid_time', timing.message);

  const validator = validatorFor(db, survey);
  const checked = validator.validate(env.answers);
  if (!checked.ok) {
    const code = checked.issues.every((i) => i.code === 'no_answer') ? 'no_answer' : 'invalid_answers';
    return rejected(422, code, checked.issues.map((i) => i.message).join('; '));
  }

  const outcome = insertResponse(
    db,
    {
      id: env.id,
      surveyVersionId: survey.versionId,
      pointId: point.id,
      unitId: point.unit.id,
      procedureId,
      channel: env.channel,
      dossier: env.dossier ?? null,
      locale: env.locale ?? null,
      startedAt: timing.startedAt,
      completedAt: timing.completedAt,
      receivedAt: input.receivedAt,
      deviceId: input.device?.id ?? null,
      clientKey: input.clientKey,
      bodyHash: input.bodyHash,
      answers: JSON.stringify(checked.data),
      flags: 0,
    },
    checked.scored,
    activityOf(validator.thresholds, checked.scored),
  );
  if (outcome.inserted) return { kind: 'accepted' };
  return outcome.existingBodyHash === input.bodyHash ? { kind: 'replayed' } : { kind: 'conflict' };
}

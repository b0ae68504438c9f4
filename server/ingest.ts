import { randomBytes } from 'node:crypto';

import { caseCode } from '@/lib/cases/code';
import { caseReasons, hasCaseRules } from '@/lib/cases/rules';
import { dueAt } from '@/lib/cases/sla';
import { getConfig } from '@/lib/config';
import { checkTiming, type Envelope } from '@/lib/ingest/envelope';
import { activityOf } from '@/lib/indices/activity';
import { offersSurvey } from '@/lib/survey/offered';
import type { RateRule } from '@/lib/ratelimit';
import { fail, type Failure, type Ok } from '@/lib/result';

import type { Db } from '@/db/index';
import { EXCLUDED_FLAGS, RESPONSE_FLAGS } from '@/db/schema';
import { caseCodeOfResponse, insertCase } from '@/db/queries/cases';
import { enqueueWebhook } from '@/db/queries/webhooks';
import { findPointByCode } from '@/db/queries/points';
import { findProcedureAtPoint } from '@/db/queries/procedures';
import { findSurveyVersionRef } from '@/db/queries/surveys';
import { findOfficer, findShiftOfficer } from '@/db/queries/officers';

import { cachedLookup } from './catalog-cache';
import { compiledVersion } from './survey-versions';
import { isDossierLinkSigned } from './dossier-link';
import { ingestBatcher, type AfterInsert } from './ingest-batcher';
import { sharedRateLimiter } from './rate-limiter';
import { storedHashes } from './stored-hashes';

export type IngestInput = {
  envelope: Envelope;
  bodyHash: string;
  receivedAt: number;
  clientKey: string | null;
  /** A paired kiosk: its desk overrides the body's `point`. */
  device?: { id: number; pointCode: string };
  /** The signed-in hotline operator entering a caller's answers (channel hotline). */
  operatorId?: number;
  /** KIOSK_REPEAT_SECONDS in ms; only device responses are checked. */
  repeatWindowMs?: number;
  /**
   * Anonymous phone answers: the client's rate-limit key and BURST_RESPONSES per window. Answers
   * beyond it at one desk are stored with the burst flag, left out like a repeat press.
   */
  burst?: { clientKey: string; rule: RateRule };
};

/**
 * Stored now (`accepted`, 201) or already stored with the same body (`replayed`, 200); or refused
 * with the HTTP status the API answers: 4xx with nothing stored, 409 for an id stored with another
 * body (`id_conflict`) or a dossier already rated (`dossier_already_rated`).
 */
export type IngestOutcome =
  | Ok<{ stored: 'accepted' | 'replayed'; flags: number; caseCode: string | null }>
  | (Failure & { status: 400 | 403 | 404 | 409 | 422 });

const rejected = (status: 400 | 403 | 404 | 409 | 422, code: string, message: string): IngestOutcome => ({
  ...fail(code, message),
  status,
});

/**
 * Validates a response against the exact survey version and stores it exactly once.
 * Every rejection happens before the write, so a 4xx never leaves anything behind.
 */
export async function ingestResponse(db: Db, input: IngestInput): Promise<IngestOutcome> {
  const { envelope: env } = input;

  // A retry of a stored response is answered from the stored hash, even if the survey or
  // desk changed since: the client must be able to clear its queue.
  const storedHash = await storedHashes(db).find(env.id);
  if (storedHash !== null) return replayOrConflict(db, env.id, storedHash === input.bodyHash);

  const survey = await cachedLookup(db, findSurveyVersionRef, { slug: env.survey, version: env.surveyVersion });
  if (!survey) {
    return env.surveyVersion === undefined
      ? rejected(404, 'unknown_survey', `No published survey "${env.survey}".`)
      : rejected(404, 'unknown_survey_version', `Survey "${env.survey}" has no version ${env.surveyVersion}.`);
  }

  const pointCode = input.device?.pointCode ?? env.point;
  const point = await cachedLookup(db, findPointByCode, { code: pointCode });
  if (!point || !point.active || !point.unit.active) {
    return rejected(404, 'unknown_point', `No active service point "${pointCode}".`);
  }

  // Only the receipt's signed link (or a signed-in hotline operator) may name a dossier: its one
  // rating must not be used up by someone who guessed the number.
  if (env.dossier !== undefined && input.operatorId === undefined) {
    const ref = { point: point.code, dossier: env.dossier, procedure: env.procedure, officer: env.officer };
    if (!isDossierLinkSigned(ref, env.dossierSignature)) {
      return rejected(
        403,
        'dossier_signature_invalid',
        'A response naming a dossier needs the signature of its receipt link (dossierSignature).',
      );
    }
  }

  // The officer the signed link or the operator names (the envelope allows no other source). With
  // OFFICER_RATINGS off it is ignored, so links printed while it was on still take ratings.
  const namedOfficer = env.officer !== undefined && getConfig().OFFICER_RATINGS ? env.officer : null;
  if (namedOfficer !== null) {
    const officer = await findOfficer(db, namedOfficer);
    if (!officer || !officer.active || officer.unitId !== point.unit.id) {
      return rejected(
        422,
        'officer_not_at_desk',
        `Officer ${namedOfficer} is not an active officer of the unit of desk "${point.code}".`,
      );
    }
  }

  if (!offersSurvey(point, survey.slug)) {
    return rejected(422, 'survey_not_offered', `Desk "${point.code}" does not offer survey "${survey.slug}".`);
  }

  let procedureId: number | null = null;
  if (env.procedure !== undefined) {
    const procedure = await cachedLookup(db, findProcedureAtPoint, { code: env.procedure, pointId: point.id });
    if (!procedure) return rejected(404, 'unknown_procedure', `No procedure "${env.procedure}" in the catalogue.`);
    if (!procedure.offered)
      return rejected(
        422,
        'procedure_not_offered',
        `Desk "${point.code}" does not handle procedure "${env.procedure}".`,
      );
    procedureId = procedure.id;
  }

  const timing = checkTiming(env, input.receivedAt);
  if (!timing.ok) return rejected(400, 'invalid_time', timing.message);

  const compiled = await compiledVersion(db, survey.versionId);
  const checked = compiled.validator.validate(env.answers);
  if (!checked.ok) {
    const code = checked.issues.every((i) => i.code === 'no_answer') ? 'no_answer' : 'invalid_answers';
    return rejected(422, code, checked.issues.map((i) => i.message).join('; '));
  }

  // Counted only once the answers are valid, so refused requests do not push a client over.
  let flags = 0;
  if (input.burst) {
    const seen = sharedRateLimiter(db, 'burst').hit(
      `${point.id}|${input.burst.clientKey}`,
      input.burst.rule,
      input.receivedAt,
    );
    if (!seen.allowed) flags |= RESPONSE_FLAGS.burst;
  }

  // The officer who served comes only from a trusted path: the signed receipt link or the hotline
  // operator (checked above), else the kiosk's shift, set in its staff panel behind the PIN. An
  // answer queued before the shift began is not credited to whoever is at the desk when it syncs.
  let officerId: number | null = namedOfficer;
  if (officerId === null && input.device && getConfig().OFFICER_RATINGS) {
    const shift = await findShiftOfficer(db, { deviceId: input.device.id, now: input.receivedAt });
    if (shift && timing.completedAt >= shift.shiftFrom && timing.completedAt < shift.shiftUntil) officerId = shift.id;
  }

  const reasons = hasCaseRules(compiled.caseRules) ? caseReasons(compiled.caseRules, checked.data) : [];
  const row = {
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
    operatorId: input.operatorId ?? null,
    officerId,
    clientKey: input.clientKey,
    bodyHash: input.bodyHash,
    answers: JSON.stringify(checked.data),
    flags,
  };
  const activity = activityOf(compiled.thresholds, checked.scored);

  // A negative rating or a complaint: the response and its case are stored together or not at all.
  // A flagged answer (a burst, or a repeat press, known only inside the insert) opens no case.
  let openCase: AfterInsert | undefined;
  if (reasons.length > 0 && (flags & EXCLUDED_FLAGS) === 0) {
    const cfg = getConfig();
    openCase = async (tx, storedFlags) => {
      if ((storedFlags & EXCLUDED_FLAGS) !== 0) return null;
      const code = caseCode(randomBytes(7));
      const due = dueAt(input.receivedAt, cfg.CASE_SLA_DAYS, holidaySet(cfg.CASE_HOLIDAYS));
      await insertCase(tx, {
        code,
        responseId: env.id,
        unitId: point.unit.id,
        pointId: point.id,
        reasons,
        openedAt: input.receivedAt,
        dueAt: due,
      });
      if (cfg.WEBHOOK_URL) {
        // What other systems need to route the case; the answers and any comment stay here.
        const payload = {
          case: code,
          unit: point.unit.code,
          point: point.code,
          procedure: env.procedure ?? null,
          channel: env.channel,
          reasons,
          openedAt: new Date(input.receivedAt).toISOString(),
          dueAt: new Date(due).toISOString(),
        };
        await enqueueWebhook(tx, { event: 'case.opened', url: cfg.WEBHOOK_URL, payload, now: input.receivedAt });
      }
      return code;
    };
  }
  // Written with the other responses of its group commit (server/ingest-batcher.ts).
  const stored = await ingestBatcher(db).submit(
    { row, scored: checked.scored, activity, repeatWindowMs: input.repeatWindowMs ?? 0 },
    openCase,
  );
  if (stored.inserted) return { ok: true, stored: 'accepted', flags: stored.flags, caseCode: stored.caseCode };
  if ('dossierTaken' in stored)
    return rejected(
      409,
      'dossier_already_rated',
      `Dossier ${env.dossier} has already been rated; a dossier is rated once.`,
    );
  return replayOrConflict(db, env.id, stored.existingBodyHash === input.bodyHash);
}

async function replayOrConflict(db: Db, id: string, sameBody: boolean): Promise<IngestOutcome> {
  if (!sameBody) return rejected(409, 'id_conflict', `Response ${id} was already stored with a different body.`);
  return { ok: true, stored: 'replayed', flags: 0, caseCode: await caseCodeOfResponse(db, id) };
}

let holidays: { list: readonly string[]; set: ReadonlySet<string> } | undefined;
function holidaySet(list: readonly string[]): ReadonlySet<string> {
  if (holidays?.list !== list) holidays = { list, set: new Set(list) };
  return holidays.set;
}

import { parseLocale } from '@/lib/i18n';
import { bodyHash } from '@/lib/ingest/canonical';
import { describeEnvelopeError, envelopeSchema } from '@/lib/ingest/envelope';
import { fail, type Result } from '@/lib/result';
import { answersFromForm, firstPageOf } from '@/lib/survey/first-page';

import type { Db } from '@/db/index';
import { findSurveyVersion } from '@/db/queries/surveys';

import { ingestResponse } from './ingest';

export type FormOutcome = Result<{ id: string; caseCode: string | null }>;

const one = (fields: FormData, name: string): string | undefined => {
  const v = fields.get(name);
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/**
 * A one-page survey sent as a plain HTML form (app/_components/survey/FirstPageForm.tsx, with
 * no JavaScript): the fields become the same envelope the JSON API takes and go through the
 * same ingest, answer validation and case rules (server/ingest.ts).
 */
export async function ingestFormResponse(
  db: Db,
  input: { point: string; fields: FormData; receivedAt: number; clientKey: string | null; secret: string },
): Promise<FormOutcome> {
  const { fields } = input;
  const slug = one(fields, 'survey') ?? '';
  const version = Number(one(fields, 'surveyVersion'));
  const survey =
    /^[a-z0-9][a-z0-9-]{0,63}$/.test(slug) && Number.isInteger(version)
      ? await findSurveyVersion(db, { slug, version })
      : null;
  if (!survey) return fail('unknown_survey', `No survey "${slug}" version ${version}.`);
  const locale = parseLocale(one(fields, 'lang'));
  const page = firstPageOf(JSON.parse(survey.definition), locale);
  if (!page?.postable) return fail('not_a_form', 'This survey needs JavaScript to be answered.');

  // A dossier is only taken with the receipt's signature: ingest checks it (server/dossier-link.ts),
  // the same check as for the JSON API, on the normalised number.
  const dossier = one(fields, 'dossier');
  const procedure = one(fields, 'procedure');
  const officer = one(fields, 'officer');

  const body = {
    id: one(fields, 'id'),
    survey: survey.slug,
    surveyVersion: survey.version,
    point: input.point,
    channel: one(fields, 'channel') === 'web' ? 'web' : 'qr',
    ...(procedure !== undefined && { procedure }),
    ...(dossier !== undefined && { dossier }),
    ...(dossier !== undefined && one(fields, 'sig') !== undefined && { dossierSignature: one(fields, 'sig') }),
    // The receipt link's officer, under its signature; a number the envelope then checks.
    ...(dossier !== undefined &&
      officer !== undefined && { officer: /^[0-9]{1,10}$/.test(officer) ? Number(officer) : officer }),
    locale,
    ...(one(fields, 'startedAt') !== undefined && { startedAt: one(fields, 'startedAt') }),
    completedAt: new Date(input.receivedAt).toISOString(),
    answers: answersFromForm(page, (name) => fields.getAll(name).map(String)),
  };
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) return fail('invalid_body', describeEnvelopeError(parsed.error));

  const outcome = await ingestResponse(db, {
    envelope: parsed.data,
    // The completion time is the moment of the post, so a resent form (Back, then Send again)
    // hashes differently; it is still one response because the id is the same.
    bodyHash: bodyHash({ ...body, completedAt: undefined }),
    receivedAt: input.receivedAt,
    clientKey: input.clientKey,
  });
  if (outcome.ok) return { ok: true, id: parsed.data.id, caseCode: outcome.caseCode };
  switch (outcome.code) {
    // The same form sent again after an edit (Back, then Send): its first sending counts.
    case 'id_conflict':
      return { ok: true, id: parsed.data.id, caseCode: null };
    // The thank-you page words a bad receipt link as before (dossier_forged).
    case 'dossier_signature_invalid':
      return fail('dossier_forged', 'The dossier link is not valid.');
    default:
      return fail(outcome.code, outcome.message);
  }
}

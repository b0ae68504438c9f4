import { z } from 'zod';

import { CHANNELS } from '@/lib/ingest/channels';
import { normalizeDossier } from '@/lib/qr/links';
import { fail, type Result } from '@/lib/result';

// The envelope of POST /api/responses (docs/contracts.md). Unknown fields are refused rather than
// ignored, so a client with a typo learns of it instead of losing data silently.

const code = (what: string, max: number) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)
    .regex(/^[\p{L}\p{N}._\-/]+$/u, `${what} may hold only letters, digits and . _ - /`);

const offsetDateTime = (what: string) =>
  z.iso.datetime({ offset: true, error: `${what} must be an ISO 8601 date-time with a time zone` });

export const envelopeSchema = z
  .strictObject(
    {
      // Stored in lower case: a UUID is one value however a client spells its hex digits.
      id: z.uuid({ error: 'id must be a UUID made by the client' }).transform((id) => id.toLowerCase()),
      survey: z
        .string({ error: 'survey must be a string' })
        .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'survey must be a survey slug (a-z, 0-9, -)'),
      surveyVersion: z
        .number({ error: 'surveyVersion must be a number' })
        .int('surveyVersion must be a whole number')
        .min(1, 'surveyVersion must be 1 or more')
        // The largest version number a 32-bit integer column (PostgreSQL's integer) can hold.
        .max(2_147_483_647, 'surveyVersion is too large')
        .optional(),
      point: code('point', 64),
      channel: z.enum(CHANNELS, { error: `channel must be one of ${CHANNELS.join(', ')}` }),
      procedure: code('procedure', 64).optional(),
      dossier: z
        .string({ error: 'dossier must be a string' })
        .transform(normalizeDossier)
        .pipe(code('dossier', 64))
        .optional(),
      // The `sig` of the receipt's QR link (lib/qr/links.ts); required with a dossier, except from
      // a signed-in hotline operator.
      dossierSignature: z
        .string({ error: 'dossierSignature must be a string' })
        .max(64, 'dossierSignature must be at most 64 characters')
        .optional(),
      // The officer who served (OFFICER_RATINGS): only under a receipt link's signature, which covers
      // it, or from a signed-in hotline operator (channel hotline); see the refinement below.
      officer: z
        .number({ error: 'officer must be a number' })
        .int('officer must be a whole number')
        .min(1, 'officer must be 1 or more')
        .max(2_147_483_647, 'officer is too large')
        .optional(),
      locale: z.enum(['vi', 'en'], { error: 'locale must be vi or en' }).optional(),
      startedAt: offsetDateTime('startedAt').optional(),
      completedAt: offsetDateTime('completedAt').optional(),
      answers: z.unknown().refine((v) => v !== undefined, 'answers is required'),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
          : 'the body must be a JSON object',
    },
  )
  .refine(
    // A citizen's own body cannot name an officer: only the signed link carries one, or an operator.
    (env) =>
      env.officer === undefined ||
      env.channel === 'hotline' ||
      (env.dossier !== undefined && env.dossierSignature !== undefined),
    {
      path: ['officer'],
      message: 'officer is accepted only with dossier and dossierSignature, or on channel hotline',
    },
  );

export type Envelope = z.infer<typeof envelopeSchema>;

/** The first problem of an invalid envelope, as one sentence naming the field. */
export function describeEnvelopeError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) =>
      i.path.length && !i.message.startsWith(String(i.path[0])) ? `${i.path.join('.')}: ${i.message}` : i.message,
    )
    .join('; ');
}

export const MAX_BODY_BYTES = 64 * 1024;
const DAY_MS = 86_400_000;
export const MAX_LATE_MS = 30 * DAY_MS;
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export type Timing = Result<{ startedAt: number | null; completedAt: number }, 'invalid_time'>;

/** Kiosks sync late, so completedAt may be up to 30 days old, but never in the future. */
export function checkTiming(env: Pick<Envelope, 'startedAt' | 'completedAt'>, now: number): Timing {
  const completedAt = env.completedAt ? Date.parse(env.completedAt) : now;
  if (completedAt > now + MAX_CLOCK_SKEW_MS) {
    return fail('invalid_time', 'completedAt is in the future');
  }
  if (completedAt < now - MAX_LATE_MS) {
    return fail('invalid_time', 'completedAt is more than 30 days in the past');
  }
  const startedAt = env.startedAt ? Date.parse(env.startedAt) : null;
  if (startedAt !== null && startedAt > completedAt) {
    return fail('invalid_time', 'startedAt is after completedAt');
  }
  // The same window as completedAt: a survey begun before it (year 0000, say) is not a real one.
  if (startedAt !== null && startedAt < now - MAX_LATE_MS) {
    return fail('invalid_time', 'startedAt is more than 30 days in the past');
  }
  return { ok: true, startedAt, completedAt };
}

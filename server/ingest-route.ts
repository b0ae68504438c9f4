import { getDb } from '@/db';
import { getConfig } from '@/lib/config';
import { jsonBodyRefusal, parseJsonBytes, tooLarge, type BodyBytes, type HeaderSource } from '@/lib/http/body';
import type { ErrorBody } from '@/lib/http/errors';
import { bodyHash } from '@/lib/ingest/canonical';
import { describeEnvelopeError, envelopeSchema, MAX_BODY_BYTES } from '@/lib/ingest/envelope';

import { clientKey, rateLimitKey } from './client-key';
import { deviceFromRequest } from './device';
import { authorizeRequest, crossSiteRefusal } from './guard';
import { ingestResponse } from './ingest';
import { sharedRateLimiter } from './rate-limiter';
import { appSecret } from './secret';

/**
 * What POST /api/responses needs of a request. The route handler (app/api/responses/route.ts)
 * gives it a web Request; the production server's direct route (scripts/server.mjs) gives it the
 * Node request as it is, because building a web Request and Response costs about 0.2 ms each on
 * Node 20, as much as the rest of the answer (docs/profiles/).
 */
export type IngestRequest = {
  headers: HeaderSource;
  /** The body's bytes, or `tooLarge` as soon as there are more than `maxBytes` of them. */
  readBody(maxBytes: number): Promise<BodyBytes>;
  /** The request as a web Request (its cookies), for the kiosk and hotline channels only. */
  webRequest(): Request;
};

/** The answer as status, JSON body and extra headers; a Response where a guard already made one. */
export type IngestReply = { status: number; body: unknown; headers?: Record<string, string> } | Response;

const rateRule = { limit: getConfig().RATE_LIMIT_PER_MINUTE, windowMs: 60_000 };
const repeatWindowMs = getConfig().KIOSK_REPEAT_SECONDS * 1000;
const burstRule = { limit: getConfig().BURST_RESPONSES, windowMs: getConfig().BURST_WINDOW_MINUTES * 60_000 };

const failure = (status: number, code: string, message: string, headers?: Record<string, string>): IngestReply => ({
  status,
  body: { error: { code, message } } satisfies ErrorBody,
  headers,
});

/** POST /api/responses (docs/contracts.md): validate, then store exactly once. */
export async function handleIngest(request: IngestRequest): Promise<IngestReply> {
  try {
    return await answer(request);
  } catch (err) {
    console.error('[POST /api/responses]', err);
    return failure(500, 'internal_error', 'Something went wrong on our side; please try again.');
  }
}

async function answer(request: IngestRequest): Promise<IngestReply> {
  const now = Date.now();
  const secret = appSecret();

  // Decided in memory, shared with other instances in batches: no database write per request.
  const client = rateLimitKey(request.headers, secret);
  const rate = sharedRateLimiter(getDb(), 'responses').hit(client, rateRule, now);
  if (!rate.allowed)
    return failure(429, 'rate_limited', `Too many requests; try again in ${rate.retryAfterSeconds} s.`, {
      'Retry-After': String(rate.retryAfterSeconds),
    });

  const refused = jsonBodyRefusal(request.headers, MAX_BODY_BYTES);
  if (refused) return failure(refused.status, refused.code, refused.message);
  const read = await request.readBody(MAX_BODY_BYTES);
  if ('none' in read) return failure(400, 'malformed_json', 'The request has no body.');
  if ('tooLarge' in read) {
    const large = tooLarge(MAX_BODY_BYTES);
    return failure(large.status, large.code, large.message);
  }
  const body = parseJsonBytes(read.bytes);
  if (!body.ok) return failure(body.status, body.code, body.message);

  const parsed = envelopeSchema.safeParse(body.value);
  if (!parsed.success) return failure(400, 'invalid_body', describeEnvelopeError(parsed.error));
  const envelope = parsed.data;

  // Kiosk answers are only taken from a paired tablet, which names its own desk (its cookie is
  // looked up only on this channel, so phones pay nothing for it).
  let device: { id: number; pointCode: string } | undefined;
  if (envelope.channel === 'kiosk') {
    const crossSite = crossSiteRefusal(request.webRequest());
    if (crossSite) return crossSite;
    device = (await deviceFromRequest(request.webRequest())) ?? undefined;
    if (!device) {
      return failure(
        401,
        'device_required',
        'Kiosk responses must come from a paired kiosk device that has not been revoked.',
      );
    }
  }

  // Hotline answers are entered by a signed-in operator on a caller's behalf; the session cookie
  // makes this a cookie-authenticated mutation, so a cross-site page must not be able to send it.
  let operatorId: number | undefined;
  if (envelope.channel === 'hotline') {
    const crossSite = crossSiteRefusal(request.webRequest());
    if (crossSite) return crossSite;
    const auth = await authorizeRequest(request.webRequest(), 'hotline.enter');
    if (auth instanceof Response) return auth;
    if (auth.kind !== 'user')
      return failure(403, 'forbidden', 'Hotline entries need an operator signed in, not an API token.');
    operatorId = auth.id;
  }

  const outcome = await ingestResponse(getDb(), {
    operatorId,
    envelope,
    // Hashed with the id as stored (lower case), so the same response under the other spelling
    // of its UUID is a replay, not a conflict.
    bodyHash: bodyHash({ ...(body.value as object), id: envelope.id }),
    receivedAt: now,
    clientKey: clientKey(request.headers, secret, now),
    device,
    repeatWindowMs: device ? repeatWindowMs : 0,
    // Anonymous phones only: a tablet serves a queue of people, an operator a queue of callers.
    burst: envelope.channel === 'qr' || envelope.channel === 'web' ? { clientKey: client, rule: burstRule } : undefined,
  });
  if (!outcome.ok) return failure(outcome.status, outcome.code, outcome.message);
  // `case`: the code of the case a negative answer or complaint opened, for the thank-you screen.
  return { status: outcome.stored === 'accepted' ? 201 : 200, body: accepted(envelope.id, outcome.caseCode) };
}

const accepted = (id: string, caseCode: string | null) =>
  caseCode ? { id, status: 'accepted', case: caseCode } : { id, status: 'accepted' };

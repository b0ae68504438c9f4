import { getDb } from '@/db';
import { ingestResponse } from '@/server/ingest';
import { getConfig } from '@/lib/config';
import {
  badRequest,
  errorResponse,
  forbidden,
  internalError,
  methodNotAllowed,
  tooManyRequests,
  unauthorized,
} from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/body';
import { bodyHash } from '@/lib/ingest/canonical';
import { describeEnvelopeError, envelopeSchema, MAX_BODY_BYTES } from '@/lib/ingest/envelope';
import { clientKey, rateLimitKey } from '@/server/client-key';
import { deviceFromRequest } from '@/server/device';
import { sharedRateLimiter } from '@/server/rate-limiter';
import { authorizeRequest, crossSiteRefusal } from '@/server/guard';
import { appSecret } from '@/server/secret';

const rateRule = { limit: getConfig().RATE_LIMIT_PER_MINUTE, windowMs: 60_000 };
const repeatWindowMs = getConfig().KIOSK_REPEAT_SECONDS * 1000;
const burstRule = { limit: getConfig().BURST_RESPONSES, windowMs: getConfig().BURST_WINDOW_MINUTES * 60_000 };

/** POST /api/responses (docs/contracts.md): validate, then store exactly once. */
export async function POST(request: Request): Promise<Response> {
  const now = Date.now();
  const secret = appSecret();

  // Decided in memory, shared with other instances in batches: no database write per request.
  const client = rateLimitKey(request.headers, secret);
  const rate = sharedRateLimiter(getDb(), 'responses').hit(client, rateRule, now);
  if (!rate.allowed) return tooManyRequests(rate.retryAfterSeconds);

  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return errorResponse(body.status, body.code, body.message);

  const parsed = envelopeSchema.safeParse(body.value);
  if (!parsed.success) return badRequest('invalid_body', describeEnvelopeError(parsed.error));
  const envelope = parsed.data;

  // Kiosk answers are only taken from a paired tablet, which names its own desk (its cookie is
  // looked up only on this channel, so phones pay nothing for it).
  let device: { id: number; pointCode: string } | undefined;
  if (envelope.channel === 'kiosk') {
    const crossSite = crossSiteRefusal(request);
    if (crossSite) return crossSite;
    device = (await deviceFromRequest(request)) ?? undefined;
    if (!device) {
      return unauthorized(
        'device_required',
        'Kiosk responses must come from a paired kiosk device that has not been revoked.',
      );
    }
  }

  // Hotline answers are entered by a signed-in operator on a caller's behalf; the session cookie
  // makes this a cookie-authenticated mutation, so a cross-site page must not be able to send it.
  let operatorId: number | undefined;
  if (envelope.channel === 'hotline') {
    const crossSite = crossSiteRefusal(request);
    if (crossSite) return crossSite;
    const auth = await authorizeRequest(request, 'hotline.enter');
    if (auth instanceof Response) return auth;
    if (auth.kind !== 'user')
      return forbidden('forbidden', 'Hotline entries need an operator signed in, not an API token.');
    operatorId = auth.id;
  }

  try {
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
      burst:
        envelope.channel === 'qr' || envelope.channel === 'web' ? { clientKey: client, rule: burstRule } : undefined,
    });
    if (!outcome.ok) return errorResponse(outcome.status, outcome.code, outcome.message);
    // `case`: the code of the case a negative answer or complaint opened, for the thank-you screen.
    return Response.json(accepted(envelope.id, outcome.caseCode), {
      status: outcome.stored === 'accepted' ? 201 : 200,
    });
  } catch (err) {
    return internalError(err, 'POST /api/responses');
  }
}

const accepted = (id: string, caseCode: string | null) =>
  caseCode ? { id, status: 'accepted', case: caseCode } : { id, status: 'accepted' };

export const GET = methodNotAllowed('POST');

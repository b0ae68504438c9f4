import { getDb } from '@/db';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { readJsonBody } from '@/lib/http/body';
import {
  badRequest,
  errorResponse,
  forbidden,
  methodNotAllowed,
  tooManyRequests,
  unauthorized,
} from '@/lib/http/errors';
import { pinSchema } from '@/lib/kiosk/heartbeat';
import { deviceFromRequest } from '@/server/device';
import { crossSiteRefusal } from '@/server/guard';
import { verifyPassword } from '@/server/secrets';

// A 4-digit PIN has 10,000 values: five guesses a minute per tablet makes guessing take days.
const ATTEMPTS = { limit: 5, windowMs: 60_000 };

/** POST /api/kiosk/pin: checks the staff PIN before the tablet leaves kiosk mode. */
export async function POST(request: Request): Promise<Response> {
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return crossSite;
  const device = await deviceFromRequest(request);
  if (!device) return unauthorized('device_required', 'This tablet is not paired, or its pairing was revoked.');
  const body = await readJsonBody(request, 1024);
  if (!body.ok) return errorResponse(body.status, body.code, body.message);
  const parsed = pinSchema.safeParse(body.value);
  if (!parsed.success) return badRequest('invalid_body', parsed.error.issues.map((i) => i.message).join('; '));
  const rate = await hitRateLimit(getDb(), 'kiosk_pin', `device:${device.id}`, ATTEMPTS, Date.now());
  if (!rate.allowed) return tooManyRequests(rate.retryAfterSeconds);
  if (!device.pinHash || !(await verifyPassword(device.pinHash, parsed.data.pin))) {
    return forbidden('wrong_pin', 'The PIN is not right.');
  }
  return Response.json({ ok: true });
}

export const GET = methodNotAllowed('POST');

import type { z } from 'zod';

import { getDb } from '@/db';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { readJsonBody } from '@/lib/http/body';
import { badRequest, errorResponse, forbidden, tooManyRequests, unauthorized } from '@/lib/http/errors';

import type { PairedDevice } from '@/db/queries/devices';

import { deviceFromRequest } from './device';
import { crossSiteRefusal } from './guard';
import { verifyPassword } from './secrets';

// A 4-digit PIN has 10,000 values: five guesses a minute per tablet makes guessing take days. Every
// address that takes the PIN counts in the same rows, so a second door does not double the budget.
const ATTEMPTS = { limit: 5, windowMs: 60_000 };

/**
 * The gate of the kiosk's staff addresses (/api/kiosk/pin, /api/kiosk/shift): a same-site request
 * from a paired tablet, a body of the given shape, and its staff PIN, guesses limited per tablet.
 * Answers the device and the body, or the refusal to send as it is.
 */
export async function staffPinGate<S extends z.ZodType<{ pin: string }>>(
  request: Request,
  schema: S,
): Promise<Response | { device: PairedDevice; data: z.output<S> }> {
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return crossSite;
  const device = await deviceFromRequest(request);
  if (!device) return unauthorized('device_required', 'This tablet is not paired, or its pairing was revoked.');
  const body = await readJsonBody(request, 1024);
  if (!body.ok) return errorResponse(body.status, body.code, body.message);
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) return badRequest('invalid_body', parsed.error.issues.map((i) => i.message).join('; '));
  const rate = await hitRateLimit(getDb(), 'kiosk_pin', `device:${device.id}`, ATTEMPTS, Date.now());
  if (!rate.allowed) return tooManyRequests(rate.retryAfterSeconds);
  if (!device.pinHash || !(await verifyPassword(device.pinHash, parsed.data.pin))) {
    return forbidden('wrong_pin', 'The PIN is not right.');
  }
  return { device, data: parsed.data };
}

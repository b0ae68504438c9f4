import { getDb } from '@/db';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { readJsonBody } from '@/lib/http/body';
import {
  badRequest,
  errorResponse,
  forbidden,
  methodNotAllowed,
  notFound,
  tooManyRequests,
  unauthorized,
} from '@/lib/http/errors';
import { shiftSchema } from '@/lib/officers/shift';
import { deviceFromRequest } from '@/server/device';
import { crossSiteRefusal } from '@/server/guard';
import { changeShift, currentShift, officersForDesk } from '@/server/kiosk-shift';
import { officersEnabled } from '@/server/officer-scope';
import { verifyPassword } from '@/server/secrets';

// The same budget as /api/kiosk/pin, counted in the same rows: a second door must not double it.
const ATTEMPTS = { limit: 5, windowMs: 60_000 };

/**
 * POST /api/kiosk/shift (OFFICER_RATINGS): with the staff PIN, lists the officers of the desk's
 * unit and the one on shift; with `officer` also sets (an id) or ends (null) the shift. With the
 * setting off the address does not exist, as any unknown API address.
 */
export async function POST(request: Request): Promise<Response> {
  if (!officersEnabled()) return notFound('unknown_path', 'No such API address; see README "API".');
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return crossSite;
  const device = await deviceFromRequest(request);
  if (!device) return unauthorized('device_required', 'This tablet is not paired, or its pairing was revoked.');
  const body = await readJsonBody(request, 1024);
  if (!body.ok) return errorResponse(body.status, body.code, body.message);
  const parsed = shiftSchema.safeParse(body.value);
  if (!parsed.success) return badRequest('invalid_body', parsed.error.issues.map((i) => i.message).join('; '));
  const db = getDb();
  const rate = await hitRateLimit(db, 'kiosk_pin', `device:${device.id}`, ATTEMPTS, Date.now());
  if (!rate.allowed) return tooManyRequests(rate.retryAfterSeconds);
  if (!device.pinHash || !(await verifyPassword(device.pinHash, parsed.data.pin))) {
    return forbidden('wrong_pin', 'The PIN is not right.');
  }
  if (parsed.data.officer !== undefined) {
    const changed = await changeShift(db, device, parsed.data.officer);
    if (!changed.ok) return errorResponse(422, changed.code, changed.message);
  }
  const [officers, current] = await Promise.all([officersForDesk(db, device.pointCode), currentShift(db, device.id)]);
  return Response.json({ current, officers }, { headers: { 'cache-control': 'private, no-store' } });
}

export const GET = methodNotAllowed('POST');

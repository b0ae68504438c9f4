import { getDb } from '@/db';
import { recordHeartbeat } from '@/db/queries/devices';
import { readJsonBody } from '@/lib/http/body';
import { badRequest, errorResponse, internalError, methodNotAllowed, unauthorized } from '@/lib/http/errors';
import { heartbeatSchema } from '@/lib/kiosk/heartbeat';
import { deviceFromRequest } from '@/server/device';
import { crossSiteRefusal } from '@/server/guard';

/** POST /api/kiosk/heartbeat: a paired tablet says it is alive, with its version and queue. */
export async function POST(request: Request): Promise<Response> {
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return crossSite;
  const device = await deviceFromRequest(request);
  if (!device) return unauthorized('device_required', 'This tablet is not paired, or its pairing was revoked.');
  const body = await readJsonBody(request, 4096);
  if (!body.ok) return errorResponse(body.status, body.code, body.message);
  const parsed = heartbeatSchema.safeParse(body.value);
  if (!parsed.success)
    return badRequest(
      'invalid_body',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  try {
    const now = Date.now();
    await recordHeartbeat(getDb(), { id: device.id, now, ...parsed.data });
    return Response.json({ ok: true, serverTime: new Date(now).toISOString() });
  } catch (err) {
    return internalError(err, 'POST /api/kiosk/heartbeat');
  }
}

export const GET = methodNotAllowed('POST');

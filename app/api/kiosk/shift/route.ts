import { getDb } from '@/db';
import { errorResponse, methodNotAllowed, notFound } from '@/lib/http/errors';
import { shiftSchema } from '@/lib/officers/shift';
import { changeShift, currentShift, officersForDesk } from '@/server/kiosk-shift';
import { officersEnabled } from '@/server/officer-scope';
import { staffPinGate } from '@/server/staff-pin';

/**
 * POST /api/kiosk/shift (OFFICER_RATINGS): with the staff PIN, lists the officers of the desk's
 * unit and the one on shift; with `officer` also sets (an id) or ends (null) the shift. With the
 * setting off the address does not exist, as any unknown API address.
 */
export async function POST(request: Request): Promise<Response> {
  if (!officersEnabled()) return notFound('unknown_path', 'No such API address; see README "API".');
  const gate = await staffPinGate(request, shiftSchema);
  if (gate instanceof Response) return gate;
  const { device, data } = gate;
  const db = getDb();
  if (data.officer !== undefined) {
    const changed = await changeShift(db, device, data.officer);
    if (!changed.ok) return errorResponse(422, changed.code, changed.message);
  }
  const [officers, current] = await Promise.all([officersForDesk(db, device.pointCode), currentShift(db, device.id)]);
  return Response.json({ current, officers }, { headers: { 'cache-control': 'private, no-store' } });
}

export const GET = methodNotAllowed('POST');

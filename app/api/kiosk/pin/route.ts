import { methodNotAllowed } from '@/lib/http/errors';
import { pinSchema } from '@/lib/kiosk/heartbeat';
import { staffPinGate } from '@/server/staff-pin';

/** POST /api/kiosk/pin: checks the staff PIN before the tablet leaves kiosk mode. */
export async function POST(request: Request): Promise<Response> {
  const gate = await staffPinGate(request, pinSchema);
  if (gate instanceof Response) return gate;
  return Response.json({ ok: true });
}

export const GET = methodNotAllowed('POST');

import { getDb } from '@/db';
import { getConfig } from '@/lib/config';
import { paramsFromSearch } from '@/lib/dashboard/params';
import { errorResponse, internalError, methodNotAllowed } from '@/lib/http/errors';
import { authorizeRequest } from '@/server/guard';
import { indicesFor } from '@/server/indices';
import { isViewError, resolveView } from '@/server/view';

export const dynamic = 'force-dynamic';

/** GET /api/indices (docs/contracts.md): SIPAS indices of a survey over local days, for a unit's subtree, a desk, a procedure, a channel. */
export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeRequest(request, 'dashboard.view');
  if (auth instanceof Response) return auth;
  try {
    const db = getDb();
    const view = await resolveView(db, auth, paramsFromSearch(new URL(request.url).searchParams), Date.now());
    if (isViewError(view)) return errorResponse(view.status, view.code, view.message);
    const result = await indicesFor(db, view.survey.scoring, view.filter, getConfig().MIN_RESPONSES);
    return Response.json(
      { survey: view.survey.slug, from: view.period.from, to: view.period.to, ...result },
      { headers: { 'cache-control': 'private, no-store' } },
    );
  } catch (cause) {
    return internalError(cause, 'GET /api/indices');
  }
}

export const POST = methodNotAllowed('GET');

import { getDb } from '@/db';
import { getConfig } from '@/lib/config';
import { paramsFromSearch } from '@/lib/dashboard/params';
import { errorResponse, internalError } from '@/lib/http/errors';
import { authorizeRequest } from '@/server/guard';
import { prioritiesFor } from '@/server/priorities';
import { isViewError, resolveView } from '@/server/view';

export const dynamic = 'force-dynamic';

/** Improvement priorities: each criterion's derived importance for the outcome question, and its index. Same filters and permissions as /api/indices. */
export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeRequest(request, 'dashboard.view');
  if (auth instanceof Response) return auth;
  try {
    const db = getDb();
    const view = await resolveView(db, auth, paramsFromSearch(new URL(request.url).searchParams), Date.now());
    if (isViewError(view)) return errorResponse(view.status, view.code, view.message);
    const priorities = await prioritiesFor(db, view, getConfig().MIN_RESPONSES);
    if (priorities === null) {
      return errorResponse(404, 'no_outcome_question', `Survey "${view.survey.slug}" has no outcome question (outcome: true).`);
    }
    return Response.json(priorities, { headers: { 'cache-control': 'private, no-store' } });
  } catch (cause) {
    return internalError(cause, 'GET /api/priorities');
  }
}

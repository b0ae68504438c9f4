import { getDb } from '@/db';
import { getConfig } from '@/lib/config';
import { paramsFromSearch } from '@/lib/dashboard/params';
import { badRequest, errorResponse, internalError, methodNotAllowed } from '@/lib/http/errors';
import { authorizeRequest } from '@/server/guard';
import { RANKING_GROUPS, rankingFor, type RankingGroup } from '@/server/rankings';
import { isViewError, resolveView } from '@/server/view';

export const dynamic = 'force-dynamic';

/** Desks (`by=point`), units, procedures or channels of a view, ranked; same filters as /api/indices. */
export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeRequest(request, 'dashboard.view');
  if (auth instanceof Response) return auth;
  const search = paramsFromSearch(new URL(request.url).searchParams);
  const by = search.by ?? 'point';
  if (!(RANKING_GROUPS as readonly string[]).includes(by)) {
    return badRequest('invalid_query', `by: must be one of ${RANKING_GROUPS.join(', ')}`);
  }
  try {
    const db = getDb();
    const view = await resolveView(db, auth, search, Date.now());
    if (isViewError(view)) return errorResponse(view.status, view.code, view.message);
    const { MIN_RESPONSES, SATISFACTION_TARGET } = getConfig();
    const ranking = await rankingFor(db, view, by as RankingGroup, MIN_RESPONSES, { target: SATISFACTION_TARGET });
    return Response.json(
      { survey: view.survey.slug, by, from: view.period.from, to: view.period.to, ...ranking },
      { headers: { 'cache-control': 'private, no-store' } },
    );
  } catch (cause) {
    return internalError(cause, 'GET /api/rankings');
  }
}

export const POST = methodNotAllowed('GET');

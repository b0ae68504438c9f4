import { getDb, type Db } from '@/db';
import type { Capability, Principal } from '@/lib/auth/permissions';
import { paramsFromSearch } from '@/lib/dashboard/params';
import { errorResponse, internalError } from '@/lib/http/errors';

import { authorizeRequest } from './guard';
import { isViewError, resolveView, type ResolvedView } from './view';

export type ViewRouteOptions = {
  /** The capability the query needs (default `dashboard.view`; officer figures `officers.view`). */
  capability?: (params: Record<string, string>) => Capability;
  /** The principal the view is resolved for (an officer: their unit; see server/officer-scope.ts). */
  viewAs?: (db: Db, principal: Principal, params: Record<string, string>) => Promise<Principal | Response>;
};

/**
 * The one shape of the read APIs over a dashboard view (/api/indices, /api/rankings,
 * /api/priorities): the caller needs `dashboard.view`, the query resolves to a view in their scope
 * (or a 4xx naming the problem), and `answer` turns the view into the response. Answers are
 * private and never cached; a failure is logged and answered with the generic 500.
 */
export async function viewRoute(
  request: Request,
  route: string,
  answer: (
    db: Db,
    view: ResolvedView,
    params: Record<string, string>,
    principal: Principal,
  ) => Promise<Response | object>,
  check?: (params: Record<string, string>) => Response | null,
  options: ViewRouteOptions = {},
): Promise<Response> {
  const params = paramsFromSearch(new URL(request.url).searchParams);
  const auth = await authorizeRequest(request, options.capability?.(params) ?? 'dashboard.view');
  if (auth instanceof Response) return auth;
  const refused = check?.(params);
  if (refused) return refused;
  try {
    const db = getDb();
    const viewer = options.viewAs ? await options.viewAs(db, auth, params) : auth;
    if (viewer instanceof Response) return viewer;
    const view = await resolveView(db, viewer, params, Date.now());
    if (isViewError(view)) return errorResponse(view.status, view.code, view.message);
    const body = await answer(db, view, params, auth);
    return body instanceof Response ? body : Response.json(body, { headers: { 'cache-control': 'private, no-store' } });
  } catch (cause) {
    return internalError(cause, route);
  }
}

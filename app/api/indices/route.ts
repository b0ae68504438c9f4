import { getConfig } from '@/lib/config';
import { methodNotAllowed } from '@/lib/http/errors';
import { indicesFor } from '@/server/indices';
import { viewRoute } from '@/server/view-route';

export const dynamic = 'force-dynamic';

/** GET /api/indices (docs/contracts.md): SIPAS indices of a survey over local days, for a unit's subtree, a desk, a procedure, a channel. */
export async function GET(request: Request): Promise<Response> {
  return viewRoute(request, 'GET /api/indices', async (db, view) => ({
    survey: view.survey.slug,
    from: view.period.from,
    to: view.period.to,
    ...(await indicesFor(db, view.survey.scoring, view.filter, getConfig().MIN_RESPONSES)),
  }));
}

export const POST = methodNotAllowed('GET');

import { getConfig } from '@/lib/config';
import { methodNotAllowed } from '@/lib/http/errors';
import { indicesFor } from '@/server/indices';
import { asksOfficerIndices, officerIndicesAnswer } from '@/server/officer-routes';
import { officerViewAs } from '@/server/officer-scope';
import { viewRoute } from '@/server/view-route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/indices (docs/contracts.md): SIPAS indices of a survey over local days, for a unit's
 * subtree, a desk, a procedure, a channel; `officer=ID` (OFFICER_RATINGS) one officer's figures.
 */
export async function GET(request: Request): Promise<Response> {
  return viewRoute(
    request,
    'GET /api/indices',
    async (db, view, params, principal) =>
      asksOfficerIndices(params)
        ? officerIndicesAnswer(db, view, params, principal)
        : {
            survey: view.survey.slug,
            from: view.period.from,
            to: view.period.to,
            ...(await indicesFor(db, view.survey.scoring, view.filter, getConfig().MIN_RESPONSES)),
          },
    undefined,
    {
      capability: (params) => (asksOfficerIndices(params) ? 'officers.view' : 'dashboard.view'),
      viewAs: async (db, principal, params) => (asksOfficerIndices(params) ? officerViewAs(db, principal) : principal),
    },
  );
}

export const POST = methodNotAllowed('GET');

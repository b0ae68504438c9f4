import { getConfig } from '@/lib/config';
import { badRequest, methodNotAllowed } from '@/lib/http/errors';
import { asksOfficerRanking, officerRankingAnswer } from '@/server/officer-routes';
import { officersEnabled, officerViewAs } from '@/server/officer-scope';
import { RANKING_GROUPS, rankingFor, type RankingGroup } from '@/server/rankings';
import { viewRoute } from '@/server/view-route';

export const dynamic = 'force-dynamic';

const groups = () => (officersEnabled() ? [...RANKING_GROUPS, 'officer'] : [...RANKING_GROUPS]);

/**
 * Desks (`by=point`), units, procedures or channels of a view, ranked; same filters as
 * /api/indices. `by=officer` (OFFICER_RATINGS) ranks the officers the caller may see.
 */
export async function GET(request: Request): Promise<Response> {
  return viewRoute(
    request,
    'GET /api/rankings',
    async (db, view, params, principal) => {
      if (asksOfficerRanking(params)) return officerRankingAnswer(db, view, principal);
      const by = (params.by ?? 'point') as RankingGroup;
      const { MIN_RESPONSES, SATISFACTION_TARGET } = getConfig();
      const ranking = await rankingFor(db, view, by, MIN_RESPONSES, { target: SATISFACTION_TARGET });
      return { survey: view.survey.slug, by, from: view.period.from, to: view.period.to, ...ranking };
    },
    (params) =>
      groups().includes(params.by ?? 'point')
        ? null
        : badRequest('invalid_query', `by: must be one of ${groups().join(', ')}`),
    {
      capability: (params) => (asksOfficerRanking(params) ? 'officers.view' : 'dashboard.view'),
      viewAs: async (db, principal, params) => (asksOfficerRanking(params) ? officerViewAs(db, principal) : principal),
    },
  );
}

export const POST = methodNotAllowed('GET');

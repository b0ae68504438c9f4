import { getConfig } from '@/lib/config';
import { badRequest, methodNotAllowed } from '@/lib/http/errors';
import { RANKING_GROUPS, rankingFor, type RankingGroup } from '@/server/rankings';
import { viewRoute } from '@/server/view-route';

export const dynamic = 'force-dynamic';

const isGroup = (by: string): by is RankingGroup => (RANKING_GROUPS as readonly string[]).includes(by);

/** Desks (`by=point`), units, procedures or channels of a view, ranked; same filters as /api/indices. */
export async function GET(request: Request): Promise<Response> {
  return viewRoute(
    request,
    'GET /api/rankings',
    async (db, view, params) => {
      const by = (params.by ?? 'point') as RankingGroup;
      const { MIN_RESPONSES, SATISFACTION_TARGET } = getConfig();
      const ranking = await rankingFor(db, view, by, MIN_RESPONSES, { target: SATISFACTION_TARGET });
      return { survey: view.survey.slug, by, from: view.period.from, to: view.period.to, ...ranking };
    },
    (params) =>
      isGroup(params.by ?? 'point')
        ? null
        : badRequest('invalid_query', `by: must be one of ${RANKING_GROUPS.join(', ')}`),
  );
}

export const POST = methodNotAllowed('GET');

import { getConfig } from '@/lib/config';
import { errorResponse } from '@/lib/http/errors';
import { prioritiesFor } from '@/server/priorities';
import { viewRoute } from '@/server/view-route';

export const dynamic = 'force-dynamic';

/** Improvement priorities: each criterion's derived importance for the outcome question, and its index. Same filters and permissions as /api/indices. */
export async function GET(request: Request): Promise<Response> {
  return viewRoute(request, 'GET /api/priorities', async (db, view) => {
    const priorities = await prioritiesFor(db, view, getConfig().MIN_RESPONSES);
    return (
      priorities ??
      errorResponse(404, 'no_outcome_question', `Survey "${view.survey.slug}" has no outcome question (outcome: true).`)
    );
  });
}

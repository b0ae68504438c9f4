import { exportFileName } from '@/lib/exports/cells';
import { RANKING_TABLE_HEADER, rankingTableRows } from '@/lib/exports/tables';
import { badRequest, methodNotAllowed, notFound } from '@/lib/http/errors';
import { csvStream, downloadResponse, xlsxStream } from '@/server/export-stream';
import { officerRankingAnswer } from '@/server/officer-routes';
import { officersEnabled, officerViewAs } from '@/server/officer-scope';
import { viewRoute } from '@/server/view-route';

export const dynamic = 'force-dynamic';

const ROUTE = 'GET /api/exports/officers';

/**
 * The officer ranking of /api/rankings?by=officer as a file (OFFICER_RATINGS): the same view
 * parameters, figures, suppression and scope, but it needs `officers.export` on top of seeing
 * (lib/auth/permissions.ts), and each download is audited as `officer.export`.
 */
export async function GET(request: Request): Promise<Response> {
  if (!officersEnabled()) return notFound('unknown_path', 'No such API address; see README "API".');
  return viewRoute(
    request,
    ROUTE,
    async (db, view, params, principal) => {
      const format = (params.format ?? 'csv') as 'csv' | 'xlsx';
      // Read (and audited) before the response starts, so a failing query is a 500, not a cut file.
      const ranking = await officerRankingAnswer(db, view, principal, ROUTE, 'officer.export');
      const rows = [rankingTableRows(ranking)];
      const body =
        format === 'xlsx'
          ? xlsxStream([{ name: 'Xếp hạng cán bộ', header: RANKING_TABLE_HEADER, batches: rows }])
          : csvStream(RANKING_TABLE_HEADER, rows);
      const name = exportFileName('danh-gia-can-bo', view.survey.slug, view.period.from, view.period.to, format);
      return downloadResponse(body, format, name);
    },
    (params) =>
      params.format === undefined || params.format === 'csv' || params.format === 'xlsx'
        ? null
        : badRequest('invalid_query', 'format: must be csv or xlsx'),
    { capability: () => 'officers.export', viewAs: officerViewAs },
  );
}

export const POST = methodNotAllowed('GET');

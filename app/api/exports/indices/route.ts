import { getDb } from '@/db';
import { getConfig } from '@/lib/config';
import { paramsFromSearch } from '@/lib/dashboard/params';
import { exportFileName } from '@/lib/exports/cells';
import { indexTableRows, rankingTableRows, INDEX_TABLE_HEADER, RANKING_TABLE_HEADER } from '@/lib/exports/tables';
import { badRequest, errorResponse, internalError, methodNotAllowed } from '@/lib/http/errors';
import { csvStream, downloadResponse, xlsxStream } from '@/server/export-stream';
import { authorizeRequest } from '@/server/guard';
import { indicesFor } from '@/server/indices';
import { rankingFor } from '@/server/rankings';
import { isViewError, resolveView } from '@/server/view';

export const dynamic = 'force-dynamic';

const TABLES = ['indices', 'points', 'units'] as const;

/**
 * The index tables of a view: indices by element and criterion, and the desk and unit rankings.
 * XLSX has one sheet each; CSV holds one table, chosen by `table` (default `indices`).
 */
export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeRequest(request, 'exports.download');
  if (auth instanceof Response) return auth;
  const search = paramsFromSearch(new URL(request.url).searchParams);
  const format = search.format ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') return badRequest('invalid_query', 'format: must be csv or xlsx');
  const table = search.table ?? 'indices';
  if (!(TABLES as readonly string[]).includes(table))
    return badRequest('invalid_query', `table: must be one of ${TABLES.join(', ')}`);
  try {
    const db = getDb();
    const view = await resolveView(db, auth, search, Date.now());
    if (isViewError(view)) return errorResponse(view.status, view.code, view.message);
    const { MIN_RESPONSES: min, SATISFACTION_TARGET: target } = getConfig();
    // Read before the response starts, so that a failing query is still a 500 and not a cut file.
    const indices = async () => [indexTableRows(await indicesFor(db, view.survey.scoring, view.filter, min))];
    const points = async () => [rankingTableRows(await rankingFor(db, view, 'point', min, { target }))];
    const units = async () => [rankingTableRows(await rankingFor(db, view, 'unit', min, { target }))];
    const body =
      format === 'xlsx'
        ? xlsxStream([
            { name: 'Chỉ số', header: INDEX_TABLE_HEADER, batches: await indices() },
            { name: 'Xếp hạng quầy', header: RANKING_TABLE_HEADER, batches: await points() },
            { name: 'Xếp hạng đơn vị', header: RANKING_TABLE_HEADER, batches: await units() },
          ])
        : table === 'indices'
          ? csvStream(INDEX_TABLE_HEADER, await indices())
          : csvStream(RANKING_TABLE_HEADER, table === 'points' ? await points() : await units());
    const name = exportFileName(
      `chi-so-${format === 'csv' ? table : 'bang'}`,
      view.survey.slug,
      view.period.from,
      view.period.to,
      format,
    );
    return downloadResponse(body, format, name);
  } catch (cause) {
    return internalError(cause, 'GET /api/exports/indices');
  }
}

export const POST = methodNotAllowed('GET');

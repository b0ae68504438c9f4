import { getDb } from '@/db';
import { paramsFromSearch } from '@/lib/dashboard/params';
import { exportFileName } from '@/lib/exports/cells';
import { badRequest, errorResponse, internalError, methodNotAllowed } from '@/lib/http/errors';
import { csvStream, downloadResponse, xlsxStream } from '@/server/export-stream';
import { responseBatches, responseColumns } from '@/server/exports';
import { authorizeRequest } from '@/server/guard';
import { isViewError, resolveView } from '@/server/view';

export const dynamic = 'force-dynamic';

/** Raw responses of a view as CSV (UTF-8 with BOM) or XLSX, streamed in keyset batches. */
export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeRequest(request, 'exports.download');
  if (auth instanceof Response) return auth;
  const search = paramsFromSearch(new URL(request.url).searchParams);
  const format = search.format ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') return badRequest('invalid_query', 'format: must be csv or xlsx');
  try {
    const db = getDb();
    const view = await resolveView(db, auth, search, Date.now());
    if (isViewError(view)) return errorResponse(view.status, view.code, view.message);
    const { header, questions } = responseColumns(view);
    const batches = responseBatches(db, view, questions);
    const body = format === 'csv' ? csvStream(header, batches) : xlsxStream([{ name: 'Phiếu', header, batches }]);
    const name = exportFileName('phieu', view.survey.slug, view.period.from, view.period.to, format);
    return downloadResponse(body, format, name);
  } catch (cause) {
    return internalError(cause, 'GET /api/exports/responses');
  }
}

export const POST = methodNotAllowed('GET');

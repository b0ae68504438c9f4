import { getDb } from '@/db';
import { listCatalogueForExport } from '@/db/queries/procedure-versions';
import { badRequest, internalError } from '@/lib/http/errors';
import { localDay } from '@/lib/time/local';
import { downloadResponse } from '@/server/export-stream';
import { authorizeRequest } from '@/server/guard';
import { procedureCsv, procedureXlsx } from '@/server/procedures/files';

export const dynamic = 'force-dynamic';

/** The active catalogue in the import's own format (CSV or XLSX), for administrators. */
export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeRequest(request, 'admin.manage');
  if (auth instanceof Response) return auth;
  const format = new URL(request.url).searchParams.get('format') ?? 'xlsx';
  if (format !== 'csv' && format !== 'xlsx') return badRequest('invalid_query', 'format: must be csv or xlsx');
  try {
    const rows = await listCatalogueForExport(getDb());
    const body = format === 'xlsx' ? await procedureXlsx(rows) : procedureCsv(rows);
    return downloadResponse(body as BodyInit, format, `thu-tuc-${localDay(Date.now())}.${format}`);
  } catch (cause) {
    return internalError(cause, 'GET /api/exports/procedures');
  }
}

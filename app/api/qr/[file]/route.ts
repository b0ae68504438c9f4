import { getDb } from '@/db';
import { findOfficer } from '@/db/queries/officers';
import { findPointByCode } from '@/db/queries/points';
import { findProcedureAtPoint } from '@/db/queries/procedures';
import { getConfig } from '@/lib/config';
import { safeDecode } from '@/lib/http/decode';
import { badRequest, internalError, methodNotAllowed, notFound } from '@/lib/http/errors';
import { dossierUrl, normalizeDossier, pointUrl } from '@/lib/qr/links';
import { qrPng, qrSvg } from '@/lib/qr/render';
import { authorizeRequest } from '@/server/guard';
import { appSecret } from '@/server/secret';

const FILE = /^(.{1,64})\.(svg|png)$/;
const CODE = /^[\p{L}\p{N}._\-/]{1,64}$/u;

/**
 * GET /api/qr/{point}.svg|.png: the desk's QR code, encoding its phone page. With
 * `?dossier=…[&procedure=…][&officer=ID]` the code encodes a signed per-dossier link instead;
 * signing is what makes a dossier link trustworthy, so only an administrator (or the receipt
 * printer's admin API token) may ask for one. `officer` (OFFICER_RATINGS only): the officer who
 * received the dossier, active in the desk's unit; the signature covers it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const m = FILE.exec(safeDecode(file) ?? '');
  if (!m) return notFound('unknown_format', 'Ask for /api/qr/{point}.svg or /api/qr/{point}.png.');
  const [, code, format] = m as unknown as [string, string, 'svg' | 'png'];

  const search = new URL(request.url).searchParams;
  const rawDossier = search.get('dossier');
  const dossier = rawDossier === null ? null : normalizeDossier(rawDossier);
  const procedure = search.get('procedure');
  if (procedure !== null && dossier === null)
    return badRequest('invalid_query', 'procedure is only meaningful with dossier.');
  const officerParam = search.get('officer');
  if (officerParam !== null && !getConfig().OFFICER_RATINGS)
    return badRequest('invalid_query', 'officer is not a parameter here (OFFICER_RATINGS is off).');
  if (officerParam !== null && dossier === null)
    return badRequest('invalid_query', 'officer is only meaningful with dossier.');
  if (officerParam !== null && !/^[1-9][0-9]{0,9}$/.test(officerParam))
    return badRequest('invalid_query', 'officer must be the id of an officer.');
  const officerId = officerParam === null ? undefined : Number(officerParam);
  if (dossier !== null && !CODE.test(dossier))
    return badRequest('invalid_query', 'dossier may hold only letters, digits and . _ - / (at most 64).');
  if (procedure !== null && !CODE.test(procedure))
    return badRequest('invalid_query', 'procedure may hold only letters, digits and . _ - / (at most 64).');

  try {
    const db = getDb();
    const point = await findPointByCode(db, { code });
    if (!point || !point.active || !point.unit.active)
      return notFound('unknown_point', `No active service point "${code}".`);

    let url: string;
    if (dossier === null) {
      url = pointUrl(getConfig().publicBaseUrl, point.code);
    } else {
      const auth = await authorizeRequest(request, 'admin.manage');
      if (auth instanceof Response) return auth;
      if (procedure !== null) {
        const found = await findProcedureAtPoint(db, { code: procedure, pointId: point.id });
        if (!found) return notFound('unknown_procedure', `No procedure "${procedure}" in the catalogue.`);
        // The answers would be refused: a desk rates only the procedures it handles.
        if (!found.offered)
          return badRequest('procedure_not_offered', `Desk "${point.code}" does not handle procedure "${procedure}".`);
      }
      if (officerId !== undefined) {
        // The answers would be refused: only an active officer of the desk's unit is credited.
        const officer = await findOfficer(db, officerId);
        if (!officer || !officer.active || officer.unitId !== point.unit.id)
          return badRequest(
            'officer_not_at_desk',
            `Officer ${officerId} is not an active officer of the unit of desk "${point.code}".`,
          );
      }
      url = dossierUrl(getConfig().publicBaseUrl, appSecret(), {
        point: point.code,
        dossier,
        procedure: procedure ?? undefined,
        officer: officerId,
      });
    }

    // A desk's code changes only with PUBLIC_BASE_URL; a dossier's is personal, so never shared caches.
    const cache = dossier === null ? 'public, max-age=3600' : 'private, no-store';
    const headers = { 'cache-control': cache, 'x-qr-url': url };
    if (format === 'svg')
      return new Response(await qrSvg(url), {
        headers: { ...headers, 'content-type': 'image/svg+xml; charset=utf-8' },
      });
    return new Response(new Uint8Array(await qrPng(url)), { headers: { ...headers, 'content-type': 'image/png' } });
  } catch (err) {
    return internalError(err, 'GET /api/qr');
  }
}

export const POST = methodNotAllowed('GET');

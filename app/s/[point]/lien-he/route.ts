import { getDb } from '@/db';
import { badRequest, internalError, methodNotAllowed, notFound } from '@/lib/http/errors';
import { safeDecode } from '@/lib/http/decode';
import { submitCaseContact } from '@/server/case-contact';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (fields: FormData, name: string) => {
  const v = fields.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

/**
 * POST /s/{point}/lien-he: the thank-you's call-back form without JavaScript
 * (app/_components/survey/CaseFollowUp.tsx). The same service as the JSON path, consent only
 * from the ticked box; answers post/redirect/get to the thank-you page, which says what happened.
 */
export async function POST(request: Request, { params }: { params: Promise<{ point: string }> }): Promise<Response> {
  const point = safeDecode((await params).point);
  const fields = await request.formData().catch(() => new FormData());
  const responseId = text(fields, 'responseId');
  if (point === null || !UUID.test(responseId))
    return badRequest('invalid_contact', 'responseId must be the UUID of the response.');
  const locale = text(fields, 'locale') === 'en' ? 'en' : 'vi';
  const phone = text(fields, 'phone');
  const email = text(fields, 'email');
  const consent = fields.get('consent') === 'on';
  const back = new URLSearchParams({ r: responseId });
  if (locale === 'en') back.set('lang', 'en');
  const to = (result: string) => {
    back.set('lienhe', result);
    // A relative Location: behind a proxy, request.url names the internal host, not the citizen's.
    return new Response(null, {
      status: 303,
      headers: { location: `/s/${encodeURIComponent(point)}/cam-on?${back}#lien-he` },
    });
  };
  // Said before the service is asked, in the citizen's words rather than the schema's.
  if (!phone && !email) return to('thieu');
  if (!consent) return to('dong-y');
  try {
    const outcome = await submitCaseContact(
      getDb(),
      { responseId, name: text(fields, 'name'), phone, email, locale, consent },
      Date.now(),
    );
    if (outcome.ok || outcome.code === 'contact_exists') return to('da-luu');
    if (outcome.code === 'unknown_case') return notFound(outcome.code, outcome.message);
    return to(outcome.code === 'case_closed' ? 'da-dong' : 'sai');
  } catch (err) {
    return internalError(err, 'POST /s/[point]/lien-he');
  }
}

export const GET = methodNotAllowed('POST');

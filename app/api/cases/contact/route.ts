import { getDb } from '@/db';
import { saveCaseContact } from '@/db/queries/cases';
import { CONSENT_TEXT, contactRequestSchema } from '@/lib/cases/contact';
import { readJsonBody } from '@/lib/http/body';
import { badRequest, conflict, errorResponse, internalError, methodNotAllowed, notFound } from '@/lib/http/errors';

/**
 * POST /api/cases/contact: a citizen who answered negatively leaves a phone number or email for
 * a call back, with consent. Knowing the response's UUID (only the answering device does) is
 * what entitles them to attach it; nothing else about the case is revealed.
 */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, 4096);
  if (!body.ok) return errorResponse(body.status, body.code, body.message);
  const parsed = contactRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    return badRequest(
      'invalid_contact',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  const { responseId, name, phone, email, locale } = parsed.data;
  try {
    const outcome = await saveCaseContact(getDb(), {
      responseId,
      contact: {
        name: name || undefined,
        phone: phone || undefined,
        email: email || undefined,
        consentText: CONSENT_TEXT[locale],
      },
      now: Date.now(),
    });
    if (outcome === 'no_case') return notFound('unknown_case', 'No case was opened for this response.');
    if (outcome === 'closed')
      return conflict('case_closed', 'This case is already closed; contact details are taken only while it is open.');
    if (outcome === 'exists') return conflict('contact_exists', 'Contact details were already given for this case.');
    return Response.json({ status: 'saved' }, { status: 201 });
  } catch (err) {
    return internalError(err, 'POST /api/cases/contact');
  }
}

export const GET = methodNotAllowed('POST');

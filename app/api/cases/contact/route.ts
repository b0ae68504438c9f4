import { getDb } from '@/db';
import { readJsonBody } from '@/lib/http/body';
import { badRequest, conflict, errorResponse, internalError, methodNotAllowed, notFound } from '@/lib/http/errors';
import { submitCaseContact } from '@/server/case-contact';

/**
 * POST /api/cases/contact: a citizen who answered negatively leaves a phone number or email for
 * a call back, with consent. Knowing the response's UUID (only the answering device does) is
 * what entitles them to attach it; nothing else about the case is revealed.
 */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, 4096);
  if (!body.ok) return errorResponse(body.status, body.code, body.message);
  try {
    const outcome = await submitCaseContact(getDb(), body.value, Date.now());
    if (outcome.ok) return Response.json({ status: 'saved' }, { status: 201 });
    switch (outcome.code) {
      case 'invalid_contact':
        return badRequest(outcome.code, outcome.message);
      case 'unknown_case':
        return notFound(outcome.code, outcome.message);
      case 'case_closed':
      case 'contact_exists':
        return conflict(outcome.code, outcome.message);
    }
  } catch (err) {
    return internalError(err, 'POST /api/cases/contact');
  }
}

export const GET = methodNotAllowed('POST');

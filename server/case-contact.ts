import { saveCaseContact } from '@/db/queries/cases';
import type { Db } from '@/db/index';
import { CONSENT_TEXT, contactRequestSchema } from '@/lib/cases/contact';

export type ContactOutcome =
  | { ok: true }
  | {
      ok: false;
      code: 'invalid_contact' | 'unknown_case' | 'case_closed' | 'contact_exists';
      message: string;
    };

/**
 * A citizen's call-back request for the case their answer opened, the same whether it came as
 * JSON from the thank-you's script (app/api/cases/contact/route.ts) or as a plain form without
 * JavaScript (app/s/[point]/lien-he/route.ts): one schema, consent required, one insert.
 */
export async function submitCaseContact(db: Db, request: unknown, now: number): Promise<ContactOutcome> {
  const parsed = contactRequestSchema.safeParse(request);
  if (!parsed.success) {
    return {
      ok: false,
      code: 'invalid_contact',
      message: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    };
  }
  const { responseId, name, phone, email, locale } = parsed.data;
  const saved = await saveCaseContact(db, {
    responseId,
    contact: {
      name: name || undefined,
      phone: phone || undefined,
      email: email || undefined,
      consentText: CONSENT_TEXT[locale],
    },
    now,
  });
  if (saved === 'no_case') return { ok: false, code: 'unknown_case', message: 'No case was opened for this response.' };
  if (saved === 'closed')
    return {
      ok: false,
      code: 'case_closed',
      message: 'This case is already closed; contact details are taken only while it is open.',
    };
  if (saved === 'exists')
    return { ok: false, code: 'contact_exists', message: 'Contact details were already given for this case.' };
  return { ok: true };
}

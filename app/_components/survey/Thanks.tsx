import './thanks.css';

import type { ReactNode } from 'react';

import { messages, type Locale } from '@/lib/i18n';
import { procedureMessages } from '@/lib/procedures/messages';

import { CaseFollowUp } from './CaseFollowUp';

/**
 * The thank-you after a response, the same whether SurveyJS sent it or a plain form post did
 * (app/s/[point]/cam-on/page.tsx). While a case code is shown the citizen is not told they may
 * close the page: they should note the code first.
 */
export function Thanks({
  locale,
  caseCode,
  responseId,
  after,
  procedure,
  contactPost,
}: {
  locale: Locale;
  caseCode: string | null;
  responseId: string;
  after?: ReactNode;
  /** Link to the procedure lookup (its detail, when the response named one); not for the hotline. */
  procedure?: { code?: string };
  /** The plain form route of the call-back offer, for a phone without JavaScript. */
  contactPost?: { action: string; result?: string };
}) {
  const t = messages[locale];
  return (
    <div className="thanks">
      <div className="thanks__mark" aria-hidden="true">
        ✓
      </div>
      <h1 tabIndex={-1}>{t.thanksTitle}</h1>
      {after ?? <p>{caseCode ? t.thanksBody : `${t.thanksBody} ${t.thanksClose}`}</p>}
      {caseCode && <CaseFollowUp code={caseCode} responseId={responseId} locale={locale} post={contactPost} />}
      {procedure && (
        <p>
          <a
            href={`/thu-tuc${procedure.code ? `/${encodeURIComponent(procedure.code)}` : ''}${locale === 'en' ? '?lang=en' : ''}`}
          >
            {procedureMessages[locale].lookupLink}
          </a>
        </p>
      )}
    </div>
  );
}

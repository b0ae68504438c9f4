import type { ReactNode } from 'react';

import { messages, type Locale } from '@/lib/i18n';

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
}: {
  locale: Locale;
  caseCode: string | null;
  responseId: string;
  after?: ReactNode;
}) {
  const t = messages[locale];
  return (
    <div className="thanks">
      <div className="thanks__mark" aria-hidden="true">
        ✓
      </div>
      <h1 tabIndex={-1}>{t.thanksTitle}</h1>
      {after ?? <p>{caseCode ? t.thanksBody : `${t.thanksBody} ${t.thanksClose}`}</p>}
      {caseCode && <CaseFollowUp code={caseCode} responseId={responseId} locale={locale} />}
    </div>
  );
}

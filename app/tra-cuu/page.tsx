import type { Metadata } from 'next';

import { CitizenHeader, withLocale } from '@/app/_components/CitizenHeader';
import { getDb } from '@/db';
import { findPublicCase } from '@/db/queries/cases';
import { normalizeCaseCode } from '@/lib/cases/code';
import { formatDay } from '@/lib/dashboard/format';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import { messages, parseLocale, type Locale } from '@/lib/i18n';
import { localDay } from '@/lib/time/local';

export const metadata: Metadata = { title: 'Tra cứu phản ánh' };

type Search = { ma?: string; lang?: string };

// Vietnamese readers get day/month/year; English readers the unambiguous ISO day.
const dayOf = (ms: number, locale: Locale) => (locale === 'vi' ? formatDay(localDay(ms)) : localDay(ms));

/**
 * /tra-cuu: anyone with a case code sees its status and the agency's public reply, never the
 * answers, the comment or any contact detail.
 */
export default async function LookupPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const locale = parseLocale(search.lang);
  const t = messages[locale];
  const typed = typeof search.ma === 'string' ? search.ma.slice(0, 40) : '';
  const code = typed ? normalizeCaseCode(typed) : null;
  const found = code ? await findPublicCase(getDb(), code) : null;

  return (
    <>
      <CitizenHeader
        locale={locale}
        switchHref={withLocale('/tra-cuu', { ma: typed || undefined }, locale === 'vi' ? 'en' : 'vi')}
      />
      <main className="citizen-main" id="main" lang={locale}>
        <div className="card">
          <h1>{t.lookupTitle}</h1>
          <p>{t.lookupIntro}</p>
          <form method="get" className="form lookup-form">
            {locale === 'en' && <input type="hidden" name="lang" value="en" />}
            <label className="field">
              <span>{t.lookupCode}</span>
              <input
                name="ma"
                defaultValue={typed}
                required
                maxLength={40}
                autoCapitalize="characters"
                autoComplete="off"
                spellCheck={false}
                aria-describedby={typed ? 'lookup-result' : undefined}
              />
            </label>
            <button className="button" type="submit">
              {t.lookupSubmit}
            </button>
          </form>
        </div>
        {typed && (
          <section id="lookup-result" className="card lookup-result" aria-live="polite">
            {!code && <p className="status status--error">{t.lookupInvalid}</p>}
            {code && !found && <p className="status status--warn">{t.lookupNotFound}</p>}
            {found && (
              <>
                <h2>
                  {t.caseCodeLabel}: <span className="case-code">{found.code}</span>
                </h2>
                <dl className="facts">
                  <dt>{t.lookupStatus}</dt>
                  <dd>
                    <strong className={`case-status case-status--${found.status}`}>
                      {CASE_STATUS_LABELS[found.status][locale]}
                    </strong>
                  </dd>
                  <dt>{t.lookupUnit}</dt>
                  <dd>{locale === 'en' ? (found.unitNameEn ?? found.unitName) : found.unitName}</dd>
                  <dt>{t.lookupOpened}</dt>
                  <dd>{dayOf(found.openedAt, locale)}</dd>
                  <dt>{found.closedAt ? t.lookupClosed : t.lookupDue}</dt>
                  <dd>{dayOf(found.closedAt ?? found.dueAt - 1, locale)}</dd>
                </dl>
                <h3>{t.lookupReply}</h3>
                {found.publicReply ? <p className="public-reply">{found.publicReply}</p> : <p>{t.lookupNoReply}</p>}
              </>
            )}
          </section>
        )}
      </main>
    </>
  );
}

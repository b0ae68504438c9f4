import Link from 'next/link';

import { CitizenHeader, withLocale } from '@/app/_components/CitizenHeader';
import { messages, parseLocale } from '@/lib/i18n';

export default async function HomePage({ searchParams }: { searchParams: Promise<{ lang?: string }> }) {
  const locale = parseLocale((await searchParams).lang);
  const t = messages[locale];
  return (
    <>
      <CitizenHeader locale={locale} switchHref={withLocale('/', {}, locale === 'vi' ? 'en' : 'vi')} />
      <main className="citizen-main" id="main" lang={locale}>
        <div className="card">
          <h1>{t.tagline}</h1>
          <p>{t.pickIntro}</p>
          <Link className="button" href={withLocale('/s', {}, locale)}>
            {t.chooseDesk}
          </Link>
        </div>
        <ul className="home-links">
          <li>
            <Link href={withLocale('/ket-qua', {}, locale)}>{t.resultsLink}</Link>
          </li>
          <li>
            <Link href={withLocale('/tra-cuu', {}, locale)}>{t.lookupTitle}</Link>
          </li>
          <li>
            <Link href="/login">{t.staffLogin}</Link>
          </li>
        </ul>
      </main>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { CitizenHeader, withLocale } from '@/app/_components/CitizenHeader';
import { PrintButton } from '@/app/_components/poster/PrintButton';
import {
  IllustrativeNote,
  ProcedureFacts,
  VietnameseOnly,
  VietnameseOnlyNote,
} from '@/app/_components/procedures/ProcedureFacts';
import { getDb } from '@/db';
import { formatDay } from '@/lib/dashboard/format';
import { parseLocale } from '@/lib/i18n';
import { procedureMessages } from '@/lib/procedures/messages';
import { localizeRecord } from '@/lib/procedures/record';
import { findPublished } from '@/server/procedures/catalogue';

type Params = Promise<{ code: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}): Promise<Metadata> {
  const [{ code }, search] = await Promise.all([params, searchParams]);
  const found = await findPublished(getDb(), decodeURIComponent(code));
  const english = search.lang === 'en' && found?.record.en?.name;
  return { title: english || (found ? found.record.name : 'Thủ tục hành chính') };
}

/** /thu-tuc/[code]: the record in effect, readable on a phone and printable on A4. */
export default async function ProcedurePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ code: raw }, search] = await Promise.all([params, searchParams]);
  const code = decodeURIComponent(raw);
  const locale = parseLocale(typeof search.lang === 'string' ? search.lang : undefined);
  const t = procedureMessages[locale];
  const found = await findPublished(getDb(), code);
  if (!found) notFound();
  const { record, vietnamese, all } = localizeRecord(found.record, locale);

  return (
    <>
      <CitizenHeader
        locale={locale}
        switchHref={withLocale(`/thu-tuc/${encodeURIComponent(code)}`, {}, locale === 'vi' ? 'en' : 'vi')}
      />
      <main className="citizen-main procedure-page" id="main" lang={locale}>
        <p className="no-print">
          <Link href={withLocale('/thu-tuc', {}, locale)}>{t.back}</Link>
        </p>
        <article className="card procedure-detail">
          <p className="procedure-detail__code">
            {t.code}: <span className="mono">{record.code}</span>
            {record.sector && (
              <>
                {' · '}
                <span lang="vi">{record.sector}</span>
              </>
            )}
            {record.level && (
              <>
                {` · ${t.level}: `}
                <span lang="vi">{record.level}</span>
              </>
            )}
          </p>
          <h1>
            <span {...(vietnamese.has('name') ? { lang: 'vi' } : {})}>{record.name}</span>
            {vietnamese.has('name') && !all && <VietnameseOnly t={t} />}
          </h1>
          {found.illustrative && <IllustrativeNote t={t} />}
          {all && <VietnameseOnlyNote t={t} />}
          <ProcedureFacts record={record} t={t} vietnamese={vietnamese} allVietnamese={all} />
          {record.onlineUrl && (
            <p>
              <a className="button" href={record.onlineUrl} rel="noopener noreferrer" data-testid="procedure-online">
                {t.onlineOpen}
              </a>{' '}
              <span className="print-only">{record.onlineUrl}</span>
            </p>
          )}
          {found.effectiveFrom && (
            <p className="muted">
              {t.effectiveFrom} {locale === 'vi' ? formatDay(found.effectiveFrom) : found.effectiveFrom}
            </p>
          )}
          <div className="no-print">
            <PrintButton label={t.print} />
          </div>
        </article>
      </main>
    </>
  );
}

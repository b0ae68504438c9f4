import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { CitizenHeader, withLocale } from '@/app/_components/CitizenHeader';
import { PrintButton } from '@/app/_components/poster/PrintButton';
import { IllustrativeNote, ProcedureFacts } from '@/app/_components/procedures/ProcedureFacts';
import { getDb } from '@/db';
import { formatDay } from '@/lib/dashboard/format';
import { parseLocale } from '@/lib/i18n';
import { procedureMessages } from '@/lib/procedures/messages';
import { findPublished } from '@/server/procedures/catalogue';

type Params = Promise<{ code: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await findPublished(getDb(), decodeURIComponent((await params).code));
  return { title: found ? found.record.name : 'Thủ tục hành chính' };
}

/** /thu-tuc/[code]: the record in effect, readable on a phone and printable on A4. */
export default async function ProcedurePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ code: raw }, search] = await Promise.all([params, searchParams]);
  const code = decodeURIComponent(raw);
  const locale = parseLocale(typeof search.lang === 'string' ? search.lang : undefined);
  const t = procedureMessages[locale];
  const found = await findPublished(getDb(), code);
  if (!found) notFound();
  const { record } = found;

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
            {record.sector && ` · ${record.sector}`}
            {record.level && ` · ${t.level}: ${record.level}`}
          </p>
          <h1>{record.name}</h1>
          {found.illustrative && <IllustrativeNote t={t} />}
          <ProcedureFacts record={record} t={t} />
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

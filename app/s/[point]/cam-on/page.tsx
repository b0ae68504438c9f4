import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { CitizenHeader, withLocale } from '@/app/_components/CitizenHeader';
import { Thanks } from '@/app/_components/survey/Thanks';
import { getDb } from '@/db';
import { caseCodeOfResponse } from '@/db/queries/cases';
import { findResponseBodyHash } from '@/db/queries/insert-response';
import { findPointByCode } from '@/db/queries/points';
import { messages, parseLocale } from '@/lib/i18n';

type Search = { r?: string; lang?: string; lienhe?: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  return { title: messages[parseLocale((await searchParams).lang)].thanksTitle };
}

/** The thank-you after a plain form post (app/s/[point]/answer/route.ts), with its case code. */
export default async function FormThanksPage({
  params,
  searchParams,
}: {
  params: Promise<{ point: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ point: rawCode }, search] = await Promise.all([params, searchParams]);
  const locale = parseLocale(search.lang);
  const db = getDb();
  const id = typeof search.r === 'string' && UUID.test(search.r) ? search.r : null;
  const [point, stored, caseCode] = await Promise.all([
    findPointByCode(db, { code: decodeURIComponent(rawCode) }),
    id ? findResponseBodyHash(db, id) : null,
    id ? caseCodeOfResponse(db, id) : null,
  ]);
  if (!point || !id || stored === null) notFound();
  const path = `/s/${encodeURIComponent(point.code)}/cam-on`;
  return (
    <>
      <CitizenHeader
        locale={locale}
        switchHref={withLocale(path, { r: id }, locale === 'vi' ? 'en' : 'vi')}
        unitName={locale === 'en' ? (point.unit.nameEn ?? point.unit.name) : point.unit.name}
        deskName={locale === 'en' ? (point.nameEn ?? point.name) : point.name}
      />
      <main className="citizen-main" id="main" lang={locale}>
        <div className="card">
          <Thanks
            locale={locale}
            caseCode={caseCode}
            responseId={id}
            procedure={{}}
            contactPost={{
              action: `/s/${encodeURIComponent(point.code)}/lien-he`,
              result: typeof search.lienhe === 'string' ? search.lienhe : undefined,
            }}
          />
        </div>
      </main>
    </>
  );
}

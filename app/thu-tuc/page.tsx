import '@/app/_components/procedures/procedures.css';

import type { Metadata } from 'next';
import Link from 'next/link';

import { CitizenHeader, withLocale } from '@/app/_components/CitizenHeader';
import { getDb } from '@/db';
import { findPointByCode } from '@/db/queries/points';
import { parseLocale } from '@/lib/i18n';
import { procedureMessages } from '@/lib/procedures/messages';
import { searchPublished } from '@/server/procedures/catalogue';

export const metadata: Metadata = { title: 'Tra cứu thủ tục hành chính' };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/**
 * /thu-tuc: the published catalogue, searched with or without diacritics, by sector, or a desk's
 * own list (`point`, the second QR code of a desk's poster). Server-rendered, no client code.
 */
export default async function ProceduresPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const locale = parseLocale(one(search.lang, 5));
  const t = procedureMessages[locale];
  const q = one(search.q, 200).trim();
  const sector = one(search.sector, 200);
  const pointCode = one(search.point, 40);
  const db = getDb();
  const [{ items, sectors }, point] = await Promise.all([
    searchPublished(db, { q, sector: sector || undefined, point: pointCode || undefined }),
    pointCode ? findPointByCode(db, { code: pointCode }) : null,
  ]);
  const deskName = point ? (locale === 'en' ? (point.nameEn ?? point.name) : point.name) : null;
  const keep = { q: q || undefined, sector: sector || undefined, point: pointCode || undefined };

  return (
    <>
      <CitizenHeader locale={locale} switchHref={withLocale('/thu-tuc', keep, locale === 'vi' ? 'en' : 'vi')} />
      <main className="citizen-main procedure-page" id="main" lang={locale}>
        <div className="card">
          <h1>{deskName ? t.deskProcedures(deskName) : t.lookupTitle}</h1>
          <p>{t.lookupIntro}</p>
          <form method="get" className="form procedure-search" role="search">
            {locale === 'en' && <input type="hidden" name="lang" value="en" />}
            {pointCode && <input type="hidden" name="point" value={pointCode} />}
            <label className="field">
              <span>{t.searchLabel}</span>
              <input
                name="q"
                type="search"
                defaultValue={q}
                maxLength={200}
                placeholder={t.searchPlaceholder}
                autoComplete="off"
              />
            </label>
            <label className="field">
              <span>{t.sectorLabel}</span>
              <select name="sector" defaultValue={sector}>
                <option value="">{t.allSectors}</option>
                {sectors.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <button className="button" type="submit">
              {t.search}
            </button>
          </form>
        </div>
        <section className="card" aria-live="polite" aria-labelledby="procedure-results">
          <h2 id="procedure-results">{t.found(items.length)}</h2>
          {items.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <ul className="procedure-list">
              {items.map((p) => (
                <li key={p.record.code}>
                  <Link href={withLocale(`/thu-tuc/${encodeURIComponent(p.record.code)}`, {}, locale)}>
                    {locale === 'en' && p.record.en?.name ? p.record.en.name : <span lang="vi">{p.record.name}</span>}
                  </Link>
                  <span className="procedure-list__meta">
                    {p.record.code}
                    {p.record.sector && ` · ${p.record.sector}`}
                    {p.record.level && ` · ${t.level.toLowerCase()} ${p.record.level}`}
                    {p.illustrative && <span className="procedure-illustrative__badge"> {t.illustrative}</span>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}

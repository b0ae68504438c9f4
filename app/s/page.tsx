import './desk-list.css';

import type { Metadata } from 'next';
import Link from 'next/link';

import { CitizenHeader, withLocale } from '@/app/_components/CitizenHeader';
import { getDb } from '@/db';
import { groupByUnit, listActivePoints } from '@/db/queries/points';
import { messages, parseLocale, type Locale } from '@/lib/i18n';

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<{ lang?: string }>;
}): Promise<Metadata> {
  return { title: messages[parseLocale((await searchParams).lang)].chooseDesk };
}

// Desk numbers as people read them (2 before 10); a unit comes where its first desk does.
const numeric = new Intl.Collator('vi', { numeric: true });
function inDeskOrder<G extends { points: { code: string }[] }>(groups: G[]): G[] {
  const sorted = groups.map((g) => ({ ...g, points: [...g.points].sort((a, b) => numeric.compare(a.code, b.code)) }));
  return sorted.sort((a, b) => numeric.compare(a.points[0]?.code ?? '', b.points[0]?.code ?? ''));
}

/** Rating without a desk's QR code (channel web): the person picks the unit and desk. */
export default async function PickDeskPage({ searchParams }: { searchParams: Promise<{ lang?: string }> }) {
  const locale = parseLocale((await searchParams).lang);
  const t = messages[locale];
  const groups = inDeskOrder(groupByUnit(await listActivePoints(getDb())));

  return (
    <>
      <CitizenHeader locale={locale} switchHref={withLocale('/s', {}, locale === 'vi' ? 'en' : 'vi')} />
      <main className="citizen-main" id="main" lang={locale}>
        <div className="card">
          <h1>{t.pickTitle}</h1>
          <p>{t.pickIntro}</p>
          {groups.length === 0 && <p>{t.noDesks}</p>}
          {groups.map(({ unit, points }) => (
            <section key={unit.code} aria-labelledby={`unit-${unit.code}`}>
              <h2 className="unit-group" id={`unit-${unit.code}`}>
                {name(unit, locale)}
              </h2>
              <ul className="desk-list">
                {points.map((p) => (
                  <li key={p.code}>
                    <Link href={withLocale(`/s/${encodeURIComponent(p.code)}`, { c: 'web' }, locale)}>
                      <span className="desk-list__name">{name(p, locale)}</span>
                      <span className="desk-list__unit">{p.code}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </main>
      <footer className="citizen-footer" lang={locale}>
        <p>{t.anonymousNote}</p>
      </footer>
    </>
  );
}

const name = (x: { name: string; nameEn: string | null }, locale: Locale) =>
  locale === 'en' ? (x.nameEn ?? x.name) : x.name;

import Link from 'next/link';

import { CitizenHeader } from '@/app/_components/CitizenHeader';
import { messages } from '@/lib/i18n';

export default function HomePage() {
  const t = messages.vi;
  return (
    <>
      <CitizenHeader locale="vi" switchHref="/s?lang=en" />
      <main className="citizen-main" id="main">
        <div className="card">
          <h1>{t.tagline}</h1>
          <p>{t.pickIntro}</p>
          <Link className="button" href="/s">
            {t.chooseDesk}
          </Link>
        </div>
      </main>
    </>
  );
}

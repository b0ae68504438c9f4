import Link from 'next/link';

import { CitizenHeader } from '@/app/_components/CitizenHeader';
import { messages } from '@/lib/i18n';

// Shown for an unknown or inactive desk (an old QR code, a typo): never a dead end.
export default function DeskNotFound() {
  const t = messages.vi;
  const en = messages.en;
  return (
    <>
      <CitizenHeader locale="vi" switchHref="/s?lang=en" />
      <main className="citizen-main" id="main">
        <div className="card">
          <h1>{t.notFoundTitle}</h1>
          <p>{t.notFoundBody}</p>
          <p lang="en" className="muted">
            {en.notFoundTitle}. {en.notFoundBody}
          </p>
          <Link className="button" href="/s">
            {t.chooseDesk}
          </Link>
        </div>
      </main>
    </>
  );
}

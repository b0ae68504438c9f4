import './citizen-header.css';

import { messages, type Locale } from '@/lib/i18n';

/** The blue band on every citizen page: brand, language switch, and where the person is. */
export function CitizenHeader({
  locale,
  switchHref,
  unitName,
  deskName,
}: {
  locale: Locale;
  switchHref: string;
  unitName?: string;
  deskName?: string;
}) {
  const t = messages[locale];
  const other = locale === 'vi' ? 'en' : 'vi';
  return (
    <header className="citizen-header">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <div className="citizen-header__bar">
        <span className="citizen-header__brand">{t.appName}</span>
        {/* A full page load, so that <html lang> and the title change with the language. */}
        <a className="lang-switch" href={switchHref} hrefLang={other} lang={other} aria-label={t.switchLanguageLabel}>
          {t.switchLanguage}
        </a>
      </div>
      {deskName && (
        <div className="citizen-header__place">
          {unitName && <p className="citizen-header__unit">{unitName}</p>}
          <p className="citizen-header__desk">{deskName}</p>
        </div>
      )}
    </header>
  );
}

/** The same URL with `lang` set to the other language (Vietnamese stays the default). */
export function withLocale(path: string, params: Record<string, string | undefined>, locale: Locale): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && k !== 'lang') q.set(k, v);
  if (locale === 'en') q.set('lang', 'en');
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

import type { Locale } from '../i18n';

/**
 * SurveyJS localizable strings: a plain string, or one string per locale where `default` is the
 * survey's default locale (Vietnamese here) and other keys are locale codes (`en`, ...).
 */
export type LocalizedText = string | Readonly<Record<string, string>>;

export type { Locale };

/**
 * The text for a locale. Vietnamese is the default locale, so `vi` reads `default` first; a
 * locale without its own text falls back to the default text, as SurveyJS does.
 */
export function localize(text: LocalizedText, locale: Locale = 'vi'): string {
  if (typeof text === 'string') return text;
  const preferred = locale === 'vi' ? [text.default, text.vi] : [text[locale], text.default];
  for (const candidate of preferred) {
    if (candidate !== undefined && candidate !== '') return candidate;
  }
  return Object.values(text).find((value) => value !== '') ?? '';
}

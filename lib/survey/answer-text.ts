import type { SurveyDefinition } from './definition-schema';
import { questionsOf } from './elements';
import { localize, type Locale } from './localized-text';

type Choice = string | number | { value: string | number; text?: unknown };

/**
 * A stored response as a reader sees it: each answered question's title and the texts of the
 * chosen options, in survey order (for case handlers, who must not read "1" and "time").
 */
export function describeAnswers(
  def: SurveyDefinition,
  answers: Readonly<Record<string, unknown>>,
  locale: Locale = 'vi',
): Array<{ name: string; title: string; text: string }> {
  const out: Array<{ name: string; title: string; text: string }> = [];
  for (const q of questionsOf(def)) {
    if (!(q.name in answers)) continue;
    const value = answers[q.name];
    const choices = ((q as { choices?: Choice[] }).choices ?? []) as Choice[];
    const textOf = (v: unknown): string => {
      const c = choices.find((x) => (typeof x === 'object' ? x.value : x) === v);
      if (c !== undefined && typeof c === 'object' && c.text !== undefined) return localize(c.text as never, locale);
      if (q.type === 'boolean') {
        const label = (q as { labelTrue?: unknown; labelFalse?: unknown })[v === true ? 'labelTrue' : 'labelFalse'];
        if (label !== undefined) return localize(label as never, locale);
        return v === true ? (locale === 'vi' ? 'Có' : 'Yes') : locale === 'vi' ? 'Không' : 'No';
      }
      return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
    };
    const text = Array.isArray(value) ? value.map(textOf).join('; ') : textOf(value);
    out.push({ name: q.name, title: q.title !== undefined ? localize(q.title, locale) : q.name, text });
  }
  return out;
}

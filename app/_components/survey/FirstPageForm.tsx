import './first-page-form.css';

import { messages, type Locale } from '@/lib/i18n';
import { conditionalCss, isText, type FirstPage, type FormQuestion } from '@/lib/survey/first-page';

export const FIRST_PAGE_FORM_ID = 'survey-first-page';

/**
 * The survey's first page as plain HTML: answerable the moment it paints, before SurveyJS has
 * loaded, and (when the survey is one page) sendable with no script at all through a normal
 * form post to `action`. SurveyLoader reads what was chosen here when SurveyJS takes over.
 */
export function FirstPageForm({
  page,
  locale,
  action,
  hidden,
  error,
}: {
  page: FirstPage;
  locale: Locale;
  action: string;
  /** Survey, version, channel, procedure, dossier and signature, carried by the post. */
  hidden: Record<string, string | undefined>;
  error?: string;
}) {
  const t = messages[locale];
  const css = conditionalCss(page, `#${FIRST_PAGE_FORM_ID}`);
  return (
    <form
      id={FIRST_PAGE_FORM_ID}
      className="hl-form"
      method="post"
      action={page.postable ? action : undefined}
      lang={locale}
    >
      {css && <style>{css}</style>}
      {Object.entries(hidden).map(
        ([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />,
      )}
      <h1 className="hl-form__title" tabIndex={-1}>
        {page.title}
      </h1>
      {page.description && <p className="hl-form__description">{page.description}</p>}
      {page.pageCount > 1 && <p className="hl-form__step">{t.step(1, page.pageCount, page.pageTitle)}</p>}
      {page.pageTitle && <h2 className="hl-form__page-title">{page.pageTitle}</h2>}
      {error && (
        <p className="status status--error" role="alert">
          {error}
        </p>
      )}
      {page.questions.map((q) => (
        <Question key={q.name} q={q} />
      ))}
      <div className="hl-form__nav">
        {page.postable ? (
          <button type="submit" className="hl-button">
            {page.submitText}
          </button>
        ) : (
          <>
            <button type="button" className="hl-button" disabled>
              {page.nextText}
            </button>
            <noscript>
              <p className="status status--warn">{t.needsScript}</p>
            </noscript>
          </>
        )}
      </div>
    </form>
  );
}

function Question({ q }: { q: FormQuestion }) {
  const id = `fq-${q.name}`;
  const title = (
    <>
      {q.title}
      {q.required && (
        <span className="hl-q__required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </>
  );
  const description = q.description && (
    <p className="hl-q__description" id={`${id}-d`}>
      {q.description}
    </p>
  );
  if (isText(q)) {
    const common = {
      id,
      name: `q:${q.name}`,
      className: 'hl-input',
      maxLength: q.maxLength,
      required: q.required,
      // A blank placeholder lets CSS tell an empty field from a filled one (conditionalCss).
      placeholder: ' ',
      'aria-describedby': q.description ? `${id}-d` : undefined,
    };
    return (
      <div className="hl-q" data-name={q.name}>
        <label className="hl-q__title" htmlFor={id}>
          {title}
        </label>
        {description}
        {q.kind === 'comment' ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
      </div>
    );
  }
  return (
    <fieldset className="hl-q" data-name={q.name} aria-describedby={q.description ? `${id}-d` : undefined}>
      <legend className="hl-q__title">{title}</legend>
      {description}
      <div className={q.rating ? 'hl-choices hl-choices--rating' : 'hl-choices'}>
        {q.choices.map((c, i) => (
          <label key={String(c.value)} className="hl-choice">
            <input
              type={q.kind}
              name={`q:${q.name}`}
              value={String(c.value)}
              required={q.kind === 'radio' && q.required && i === 0 ? true : undefined}
            />
            <span>{c.text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

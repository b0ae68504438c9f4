import type { Model } from 'survey-core';

import type { Locale } from '@/lib/i18n';

const TITLE_TAGS: Record<string, string> = { survey: 'h1', page: 'h2', panel: 'h3', question: 'h3' };

/**
 * What axe cannot see in a SurveyJS survey, fixed on the model: the survey speaks the page's
 * language (survey-react-ui writes `lang="en"` for the default locale), the survey title is the
 * h1 and page titles h2, every question's group has the question title as its name, and after
 * Next/Back the keyboard and screen-reader focus moves to the new page's heading instead of
 * staying on the button, where a keyboard user would skip a page.
 */
export function makeAccessible(model: Model, locale: Locale): void {
  model.onGetTitleTagName.add((_, options) => {
    const type = options.element.getType?.() ?? '';
    const tag = TITLE_TAGS[type === 'survey' || type === 'page' || type === 'panel' ? type : 'question'];
    if (tag) options.tagName = tag;
  });
  model.onAfterRenderSurvey.add((_, options) => {
    options.htmlElement.setAttribute('lang', locale);
  });
  model.onAfterRenderQuestion.add((_, options) => {
    const group = options.htmlElement.querySelector('fieldset, [role="radiogroup"], [role="group"]');
    const titleId = `${options.question.id}_ariaTitle`;
    if (
      group &&
      !group.getAttribute('aria-labelledby') &&
      !group.getAttribute('aria-label') &&
      document.getElementById(titleId)
    ) {
      group.setAttribute('aria-labelledby', titleId);
    }
  });
  model.onCurrentPageChanged.add(() => {
    // After React has drawn the new page.
    setTimeout(() => focusPageHeading(), 0);
  });
}

function focusPageHeading(): void {
  const heading = ['.sd-root-modern h2', '.sd-root-modern h1']
    .map((s) => document.querySelector<HTMLElement>(s))
    .find(Boolean);
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

import { Model } from 'survey-core';

import { makeAccessible } from '@/app/_components/survey/accessible-model';
import { surveyTheme } from '@/app/_components/survey/theme';
import type { Locale } from '@/lib/i18n';
import { kioskWording } from '@/lib/survey/kiosk-wording';

/** A fresh survey for the next citizen, in the kiosk's wording and size. */
export function buildKioskModel(definition: string, locale: Locale, largeText: boolean): Model {
  const model = new Model(kioskWording(JSON.parse(definition)));
  model.locale = locale === 'vi' ? '' : locale;
  model.showCompletedPage = false;
  model.showProgressBar = false;
  model.applyTheme({
    ...surveyTheme,
    cssVariables: { ...surveyTheme.cssVariables, '--sjs-font-size': largeText ? '30px' : '24px' },
  });
  makeAccessible(model, locale);
  return model;
}

'use client';

import '@/app/_components/survey/survey.css';
import 'survey-core/survey-core.fontless.min.css';
import 'survey-core/i18n/vietnamese';

import { useState } from 'react';
import { Model, surveyLocalization } from 'survey-core';
import { Survey } from 'survey-react-ui';

import { registerScoringProperties } from '@/lib/survey/properties';

import { surveyTheme } from '@/app/_components/survey/theme';

registerScoringProperties();
surveyLocalization.defaultLocale = 'vi';

/** The stored definition in the citizens' renderer; completing it only starts it again. */
export default function SurveyPreview({ definition }: { definition: string }) {
  const [model] = useState(() => {
    const m = new Model(JSON.parse(definition));
    m.locale = 'vi';
    m.applyTheme(surveyTheme);
    m.onComplete.add((sender) => sender.clear(true, true));
    return m;
  });
  return <Survey model={model} />;
}

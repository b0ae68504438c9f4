'use client';

import dynamic from 'next/dynamic';

import { messages, type Locale } from '@/lib/i18n';

import type { SurveyRunnerProps } from './SurveyRunner';

// SurveyJS needs the browser and is most of the page's weight: load it after the first paint
// so the header and the "loading" line show at once on a slow phone.
const SurveyRunner = dynamic(() => import('./SurveyRunner'), {
  ssr: false,
  loading: () => <Loading />,
});

function Loading() {
  return (
    <p className="status status--info" role="status">
      {messages.vi.loadingSurvey}
    </p>
  );
}

export function SurveyLoader(props: SurveyRunnerProps & { locale: Locale }) {
  return <SurveyRunner {...props} />;
}

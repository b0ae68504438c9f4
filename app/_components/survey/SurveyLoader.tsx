'use client';

import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';

import type { Locale } from '@/lib/i18n';
import { answersFromForm, type FirstPage } from '@/lib/survey/first-page';

import type { SurveyRunnerProps } from './SurveyRunner';

/**
 * The server-rendered first page (FirstPageForm, passed as `firstPage`) is the survey until
 * SurveyJS has loaded, which is most of the page's weight; then SurveyJS takes over with what
 * the citizen already chose. Without a first page (a page a plain form cannot show) nothing is
 * shown until SurveyJS is there.
 */
export function SurveyLoader({
  firstPage,
  formPage,
  ...props
}: SurveyRunnerProps & { locale: Locale; firstPage?: ReactNode; formPage?: FirstPage | null }) {
  const [Runner, setRunner] = useState<ComponentType<SurveyRunnerProps> | null>(null);
  const [chosen, setChosen] = useState<Record<string, unknown> | undefined>(undefined);
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void import('./SurveyRunner').then((m) => {
      if (!live) return;
      const form = holder.current?.querySelector('form');
      if (form && formPage) {
        const data = new FormData(form);
        setChosen(answersFromForm(formPage, (name) => data.getAll(name).map(String)));
      }
      setRunner(() => m.default);
    });
    return () => {
      live = false;
    };
  }, [formPage]);

  if (Runner) return <Runner {...props} initialAnswers={chosen} />;
  return <div ref={holder}>{firstPage}</div>;
}

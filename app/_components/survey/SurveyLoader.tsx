'use client';

import { useCallback, useEffect, useRef, useState, type ComponentType, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { Model } from 'survey-core';

import { messages, type Locale } from '@/lib/i18n';
import { answersFromForm, type FirstPage } from '@/lib/survey/first-page';

import type { SurveyRunnerProps } from './SurveyRunner';

// A submit tapped before SurveyJS is there waits this long for it, then goes as the plain form
// post it is (app/s/[point]/answer/route.ts): the answer is never held back by a slow script.
const SUBMIT_WAIT_MS = 8_000;

/**
 * The server-rendered first page (FirstPageForm, passed as `firstPage`) is the survey until
 * SurveyJS has loaded, which is most of the page's weight. SurveyJS is then drawn hidden in the
 * same place while the form stays in use, and takes over only once it has laid itself out, so
 * nothing on screen jumps; at that moment it gets every value chosen on the form, and replays a
 * submit tapped in the meantime. Without a first page (a page a plain form cannot show)
 * nothing is shown until SurveyJS is there.
 */
export function SurveyLoader({
  firstPage,
  formPage,
  ...props
}: SurveyRunnerProps & { locale: Locale; firstPage?: ReactNode; formPage?: FirstPage | null }) {
  const [Runner, setRunner] = useState<ComponentType<SurveyRunnerProps> | null>(null);
  const [initial, setInitial] = useState<Record<string, unknown> | undefined>(undefined);
  const [shown, setShown] = useState(!firstPage);
  const [submitting, setSubmitting] = useState(false);
  const holder = useRef<HTMLDivElement>(null);
  // Questions the citizen changed on the form after hydration: their value (or its absence) wins.
  const touched = useRef(new Set<string>());
  const pendingSubmit = useRef(false);
  // Once the form went as a plain post, SurveyJS must not send the same answer again.
  const postedNatively = useRef(false);
  const failed = useRef(false);

  // For tests and devtools: from here on a tap on the form is SurveyLoader's, not the browser's.
  useEffect(() => holder.current?.setAttribute('data-hydrated', ''), []);

  const formAnswers = useCallback((): Record<string, unknown> => {
    const form = holder.current?.querySelector('form');
    if (!form || !formPage) return {};
    const data = new FormData(form);
    return answersFromForm(formPage, (name) => data.getAll(name).map(String));
  }, [formPage]);

  useEffect(() => {
    let live = true;
    void import('./SurveyRunner').then(
      (m) => {
        if (!live || postedNatively.current) return;
        setInitial(formAnswers());
        setRunner(() => m.default);
      },
      () => {
        // No SurveyJS (a dropped connection): a tapped submit still goes, as a plain post.
        failed.current = true;
        if (live && pendingSubmit.current) postNatively();
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page
  }, []);

  function postNatively() {
    const form = holder.current?.querySelector('form');
    if (!form || postedNatively.current || !form.getAttribute('action')) return;
    postedNatively.current = true;
    form.submit();
  }

  // SurveyJS has rendered (hidden): wait until its layout is still for two frames, then hand over.
  const onModel = useCallback(
    (model: Model) => {
      const root = holder.current?.parentElement?.querySelector<HTMLElement>('.survey-handover__next');
      if (!root) return;
      let last = -1;
      let still = 0;
      let waited = 0;
      const settle = () => {
        if (postedNatively.current) return;
        const height = root.getBoundingClientRect().height;
        still = height === last && height > 0 ? still + 1 : 0;
        last = height;
        // About a second at most: a survey that never keeps still is handed over all the same.
        if (still < 2 && ++waited < 60) return void requestAnimationFrame(settle);
        const answers = formAnswers();
        for (const [name, value] of Object.entries(answers)) model.setValue(name, value);
        for (const name of touched.current) if (!(name in answers)) model.clearValue(name);
        const focused = (document.activeElement as HTMLInputElement | null)?.name;
        // The form leaves the page in this same task: a tap cannot land on it after its answers
        // were read (a scheduled render would leave a few milliseconds in which a tap is lost).
        flushSync(() => setShown(true));
        // Keyboard focus stays on the same question rather than falling back to the page.
        if (focused?.startsWith('q:'))
          requestAnimationFrame(() =>
            root
              ?.querySelector<HTMLElement>(`[data-name="${CSS.escape(focused.slice(2))}"] :is(input, textarea)`)
              ?.focus(),
          );
        if (pendingSubmit.current) {
          pendingSubmit.current = false;
          model.tryComplete();
        }
      };
      requestAnimationFrame(settle);
    },
    [formAnswers],
  );

  const onChange = (event: FormEvent<HTMLDivElement>) => {
    const name = (event.target as HTMLInputElement).name;
    if (name?.startsWith('q:')) touched.current.add(name.slice(2));
  };

  const onSubmit = (event: FormEvent<HTMLDivElement>) => {
    if (postedNatively.current || failed.current) return;
    event.preventDefault();
    if (pendingSubmit.current) return;
    pendingSubmit.current = true;
    setSubmitting(true);
    setTimeout(() => pendingSubmit.current && postNatively(), SUBMIT_WAIT_MS);
  };

  // The runner keeps its place in the tree when it is shown, so React keeps its model.
  const runner = Runner && <Runner {...props} initialAnswers={initial} onModel={onModel} />;
  return (
    <div className="survey-handover" data-submitting={submitting || undefined}>
      {!shown && (
        <div ref={holder} onChange={onChange} onSubmit={onSubmit}>
          {firstPage}
          {submitting && (
            <p className="status status--info" role="status">
              {messages[props.locale].sending}
            </p>
          )}
        </div>
      )}
      {runner && (
        <div className={shown ? undefined : 'survey-handover__next'} inert={!shown} aria-hidden={!shown || undefined}>
          {runner}
        </div>
      )}
    </div>
  );
}

'use client';

import './survey.css';
import 'survey-core/survey-core.fontless.min.css';
import 'survey-core/i18n/vietnamese';

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Model, surveyLocalization } from 'survey-core';
import { Survey } from 'survey-react-ui';

import { delayAfter, verdictFor } from '@/lib/delivery/retry';
import { uuidv4 } from '@/lib/delivery/uuid';
import { messages, type Locale } from '@/lib/i18n';
import { registerScoringProperties } from '@/lib/survey/properties';

import { makeAccessible } from './accessible-model';
import { sendResponse } from './send';
import { draftKey, loadDraft, loadPending, pendingKey, saveDraft, savePending, type Pending } from './storage';
import { surveyTheme } from './theme';
import { Thanks } from './Thanks';

registerScoringProperties();
// Our survey files hold Vietnamese as their "default" text, so Vietnamese is SurveyJS's default.
surveyLocalization.defaultLocale = 'vi';

export type SurveyRunnerProps = {
  locale: Locale;
  survey: { slug: string; version: number; definition: string };
  /**
   * `dossierSignature`: the receipt link's `sig`, which the server asks for with a dossier.
   * `officer`: the officer the receipt link names (under its signature) or the hotline operator chose.
   */
  context: {
    point: string;
    channel: 'qr' | 'web' | 'hotline';
    procedure?: string;
    dossier?: string;
    dossierSignature?: string;
    officer?: number;
  };
  /** False where one device serves many people in turn (the hotline operator): no draft is restored. */
  keepDraft?: boolean;
  /** Shown under the thank-you message, e.g. the operator's "next call" button. */
  afterDone?: ReactNode;
  /** What the citizen chose on the server-rendered first page before SurveyJS loaded. */
  initialAnswers?: Record<string, unknown>;
  /** Called once SurveyJS has rendered, with its model (SurveyLoader hands the form over then). */
  onModel?: (model: Model) => void;
};

type Phase =
  | { name: 'answering' }
  | { name: 'sending' }
  | { name: 'waiting' }
  | { name: 'rejected'; message: string }
  | { name: 'dossierRated' }
  | { name: 'done'; caseCode: string | null; responseId: string };

export default function SurveyRunner({
  locale,
  survey,
  context,
  keepDraft = true,
  afterDone,
  initialAnswers,
  onModel,
}: SurveyRunnerProps) {
  const t = messages[locale];
  const draftId = draftKey(context.point, survey.slug, survey.version);
  const pendingId = pendingKey(context.point, survey.slug);
  const [phase, setPhase] = useState<Phase>({ name: 'answering' });
  const [model] = useState(() => buildModel(survey.definition, locale, keepDraft ? draftId : null, initialAnswers));
  const step = usePageStep(model, locale);
  const attempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const statusRef = useRef<HTMLDivElement>(null);

  const deliver = useCallback(
    async (pending: Pending) => {
      clearTimeout(timer.current);
      setPhase({ name: 'sending' });
      const result = await sendResponse(pending.body);
      const verdict = verdictFor(result.status);
      if (verdict === 'delivered') {
        savePending(pendingId, null);
        setPhase({ name: 'done', caseCode: result.caseCode, responseId: pending.id });
      } else if (verdict === 'rejected' && result.code === 'dossier_already_rated') {
        savePending(pendingId, null);
        setPhase({ name: 'dossierRated' });
      } else if (verdict === 'rejected') {
        savePending(pendingId, null);
        setPhase({ name: 'rejected', message: result.message ?? `HTTP ${result.status}` });
      } else {
        setPhase({ name: 'waiting' });
        timer.current = setTimeout(
          () => void deliver(pending),
          delayAfter(attempt.current++, Math.random(), result.retryAfter),
        );
      }
    },
    [pendingId],
  );

  const announced = useRef(false);
  useEffect(() => {
    if (announced.current || !onModel) return;
    announced.current = true;
    onModel(model);
  }, [model, onModel]);

  // A response finished before a reload or a lost connection is sent first.
  useEffect(() => {
    const pending = loadPending(pendingId);
    if (pending) void deliver(pending);
    return () => clearTimeout(timer.current);
  }, [deliver, pendingId]);

  // Coming back online is the best moment to retry; do not wait for the backoff timer.
  useEffect(() => {
    const onOnline = () => {
      const pending = loadPending(pendingId);
      if (pending) void deliver(pending);
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [deliver, pendingId]);

  useEffect(() => {
    const onComplete = (sender: Model) => {
      const startedAt = loadDraft(draftId)?.startedAt;
      const body: Record<string, unknown> = {
        id: uuidv4(),
        survey: survey.slug,
        surveyVersion: survey.version,
        point: context.point,
        channel: context.channel,
        locale,
        completedAt: new Date().toISOString(),
        answers: sender.data,
      };
      if (startedAt) body.startedAt = startedAt;
      if (context.procedure) body.procedure = context.procedure;
      if (context.dossier) body.dossier = context.dossier;
      if (context.dossier && context.dossierSignature) body.dossierSignature = context.dossierSignature;
      if (context.officer !== undefined) body.officer = context.officer;
      const pending = { id: body.id as string, body };
      // Stored before the first attempt: from here on a reload or a dead battery cannot lose it.
      savePending(pendingId, pending);
      saveDraft(draftId, null);
      attempt.current = 0;
      void deliver(pending);
    };
    model.onComplete.add(onComplete);
    return () => model.onComplete.remove(onComplete);
  }, [model, survey, context, locale, draftId, pendingId, deliver]);

  useEffect(() => {
    if (phase.name !== 'answering') statusRef.current?.focus();
  }, [phase.name]);

  if (phase.name === 'answering') {
    return (
      <>
        {step && <p className="survey-step">{step}</p>}
        <Survey model={model} />
      </>
    );
  }

  return (
    <div ref={statusRef} tabIndex={-1} className="card" aria-live="polite">
      {phase.name === 'done' && (
        <Thanks
          locale={locale}
          caseCode={phase.caseCode}
          responseId={phase.responseId}
          after={afterDone}
          procedure={context.channel !== 'hotline' ? { code: context.procedure } : undefined}
          contactPost={
            context.channel !== 'hotline' ? { action: `/s/${encodeURIComponent(context.point)}/lien-he` } : undefined
          }
        />
      )}
      {phase.name === 'dossierRated' && (
        <div className="thanks">
          <h1>{t.dossierRatedTitle}</h1>
          <p>{t.dossierRatedBody}</p>
        </div>
      )}
      {phase.name === 'sending' && (
        <p className="status status--info" role="status">
          {t.sending}
        </p>
      )}
      {phase.name === 'waiting' && (
        <div className="status status--warn" role="status">
          <p>{t.retrying}</p>
          <button type="button" className="button" onClick={() => retryNow()}>
            {t.retryNow}
          </button>
        </div>
      )}
      {phase.name === 'rejected' && (
        <div className="status status--error" role="alert">
          <p>
            {t.rejected} {phase.message}
          </p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t.startOver}
          </button>
        </div>
      )}
    </div>
  );

  function retryNow() {
    const pending = loadPending(pendingId);
    if (pending) void deliver(pending);
  }
}

function buildModel(
  definition: string,
  locale: Locale,
  draftId: string | null,
  initialAnswers?: Record<string, unknown>,
): Model {
  const model = new Model(JSON.parse(definition));
  model.locale = locale === 'vi' ? '' : locale;
  // The step is said in words above the survey ("Phần 3/6 · …"), not by unlabelled dots.
  model.showProgressBar = false;
  model.applyTheme(surveyTheme);
  makeAccessible(model, locale);
  const chosen = initialAnswers && Object.keys(initialAnswers).length > 0 ? initialAnswers : null;
  if (draftId === null) {
    if (chosen) model.data = chosen;
    return model;
  }
  const draft = loadDraft(draftId);
  if (draft) {
    model.data = chosen ? { ...draft.data, ...chosen } : draft.data;
    if (!chosen && draft.page > 0 && draft.page < model.visiblePages.length) model.currentPageNo = draft.page;
  } else if (chosen) {
    model.data = chosen;
  }
  const startedAt = draft?.startedAt ?? new Date().toISOString();
  const persist = () => saveDraft(draftId, { data: model.data, page: model.currentPageNo, startedAt });
  model.onValueChanged.add(persist);
  model.onCurrentPageChanged.add(persist);
  return model;
}

/**
 * "Phần 3/6 · Thủ tục hành chính" for a survey of several pages, kept in the tab title too, with
 * the page language on the document (a screen reader reads the title and uses html lang).
 */
function usePageStep(model: Model, locale: Locale): string | null {
  const t = messages[locale];
  const describe = useCallback(
    () =>
      model.visiblePageCount > 1
        ? t.step(model.currentPageNo + 1, model.visiblePageCount, model.currentPage?.title || undefined)
        : null,
    [model, t],
  );
  const [step, setStep] = useState(describe);
  useEffect(() => {
    document.documentElement.lang = locale;
    const base = document.title;
    const restore = () => void (document.title = base);
    const update = () => {
      const now = describe();
      setStep(now);
      if (now) document.title = `${now} – ${base}`;
    };
    update();
    model.onCurrentPageChanged.add(update);
    return () => {
      model.onCurrentPageChanged.remove(update);
      restore();
    };
  }, [model, locale, describe]);
  return step;
}

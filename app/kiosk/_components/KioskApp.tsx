'use client';

import 'survey-core/survey-core.fontless.min.css';
import 'survey-core/i18n/vietnamese';

import { useCallback, useEffect, useRef, useState } from 'react';
import { Model, surveyLocalization, type Question } from 'survey-core';
import { Survey } from 'survey-react-ui';

import { CaseFollowUp } from '@/app/_components/survey/CaseFollowUp';
import { surveyTheme } from '@/app/_components/survey/theme';
import { uuidv4 } from '@/lib/delivery/uuid';
import { kioskMessages, type Locale } from '@/lib/i18n';
import { registerScoringProperties } from '@/lib/survey/properties';

import type { KioskConfig } from './config';
import { LookupButton, ProcedureLookup } from './lookup/LookupMode';
import { speak, spokenText, stopSpeaking, useVietnameseVoice } from './speech';
import { formatTime, StaffCorner, StaffPanel } from './StaffPanel';
import { useQueueSync } from './useQueueSync';

registerScoringProperties();
surveyLocalization.defaultLocale = 'vi';

const HEARTBEAT_MS = 60_000;

type Phase = 'attract' | 'survey' | 'thanks' | 'unpaired' | 'lookup';

export default function KioskApp({ config }: { config: KioskConfig }) {
  const [phase, setPhase] = useState<Phase>('attract');
  const [locale, setLocale] = useState<Locale>('vi');
  const [elderly, setElderly] = useState(false);
  const [staffOpen, setStaffOpen] = useState(false);
  const [session, setSession] = useState<{ model: Model; startedAt: string; procedure?: string } | null>(null);
  const hasVoice = useVietnameseVoice();
  const unpair = useCallback(() => setPhase('unpaired'), []);
  // The answer on the thank-you screen, and the case it opened once the server has it (online,
  // that is within the second; offline the case is opened when the queue drains, unseen).
  const thanksFor = useRef<string | null>(null);
  const [followUp, setFollowUp] = useState<{ id: string; code: string } | null>(null);
  const onDelivered = useCallback((id: string, caseCode: string | null) => {
    if (caseCode && id === thanksFor.current) setFollowUp({ id, code: caseCode });
  }, []);
  const { status, add, syncNow } = useQueueSync(unpair, onDelivered);
  const t = kioskMessages[locale];
  const deskName = locale === 'en' ? (config.point.nameEn ?? config.point.name) : config.point.name;
  const unitName = locale === 'en' ? (config.point.unitNameEn ?? config.point.unitName) : config.point.unitName;

  const toAttract = useCallback(() => {
    stopSpeaking();
    thanksFor.current = null;
    setFollowUp(null);
    setSession(null);
    setLocale('vi');
    setElderly(false);
    setPhase((p) => (p === 'unpaired' ? p : 'attract'));
  }, []);

  // `procedure`: chosen in the lookup mode ("Đánh giá" on a procedure's detail).
  const start = useCallback((procedure?: string) => {
    // The first touch of the day puts the tablet in full screen (browsers require a gesture).
    if (!document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => undefined);
    setSession({ model: buildModel(config.survey.definition, locale, elderly), startedAt: new Date().toISOString(), procedure });
    setPhase('survey');
  }, [config.survey.definition, locale, elderly]);

  // Completion: the answer is durable in IndexedDB before the thank-you screen shows.
  useEffect(() => {
    if (!session) return;
    const { model, startedAt, procedure } = session;
    const onComplete = async (sender: Model) => {
      stopSpeaking();
      const id = uuidv4();
      thanksFor.current = id;
      await add(id, {
        id,
        survey: config.survey.slug,
        surveyVersion: config.survey.version,
        point: config.point.code,
        channel: 'kiosk',
        ...(procedure ? { procedure } : {}),
        locale,
        startedAt,
        completedAt: new Date().toISOString(),
        answers: sender.data,
      });
      setSession(null);
      setPhase('thanks');
    };
    model.onComplete.add(onComplete);
    return () => model.onComplete.remove(onComplete);
  }, [session, add, config, locale]);

  // Elderly mode: read the page's questions, and any follow-up as it appears.
  useEffect(() => {
    if (!session || !elderly || locale !== 'vi') return;
    const { model } = session;
    speak(model.currentPage.questions.filter((q: Question) => q.isVisible).map(spokenText));
    const onVisible = (_: Model, opts: { question: Question; visible: boolean }) => {
      if (opts.visible) speak([spokenText(opts.question)]);
    };
    model.onQuestionVisibleChanged.add(onVisible);
    return () => model.onQuestionVisibleChanged.remove(onVisible);
  }, [session, elderly, locale]);

  // Idle reset: a half-finished survey is discarded after KIOSK_IDLE_SECONDS without a touch.
  useEffect(() => {
    if (phase !== 'survey' || staffOpen) return;
    let timer = setTimeout(toAttract, config.idleSeconds * 1000);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(toAttract, config.idleSeconds * 1000);
    };
    const events = ['pointerdown', 'keydown', 'input', 'scroll'] as const;
    for (const e of events) document.addEventListener(e, touched, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) document.removeEventListener(e, touched, { capture: true });
    };
  }, [phase, staffOpen, config.idleSeconds, toAttract]);

  // The thank-you screen returns to the attract screen on its own; with a case code and the
  // call-back form on it, it waits like a survey page (KIOSK_IDLE_SECONDS after the last touch).
  useEffect(() => {
    if (phase !== 'thanks') return;
    const ms = (followUp ? config.idleSeconds : config.thanksSeconds) * 1000;
    let timer = setTimeout(toAttract, ms);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(toAttract, ms);
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    if (followUp) for (const e of events) document.addEventListener(e, touched, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) document.removeEventListener(e, touched, { capture: true });
    };
  }, [phase, followUp, config.thanksSeconds, config.idleSeconds, toAttract]);

  // Heartbeat: staff can tell a live tablet from a dead or stuck one.
  const statusRef = useRef(status);
  useEffect(() => {
    statusRef.current = status;
  }, [status]);
  useEffect(() => {
    const beat = async () => {
      try {
        const res = await fetch('/api/kiosk/heartbeat', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            appVersion: config.appVersion,
            queueLength: statusRef.current.pending,
            lastError: statusRef.current.lastError?.slice(0, 500) ?? null,
          }),
        });
        if (res.status === 401) unpair();
      } catch {
        // offline: the next beat will tell
      }
    };
    const first = setTimeout(beat, 2_000);
    const every = setInterval(beat, HEARTBEAT_MS);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [config.appVersion, unpair]);

  useEffect(() => registerServiceWorker(), []);

  const syncLine = (
    <p className="kiosk-sync" aria-live="polite">
      <span data-testid="pending-count">{t.pending(status.pending)}</span>
      {' · '}
      {status.lastSyncAt ? t.lastSync(formatTime(status.lastSyncAt)) : t.neverSynced}
    </p>
  );

  const staff = staffOpen && (
    <StaffPanel
      deviceName={config.deviceName}
      deskName={config.point.name}
      appVersion={config.appVersion}
      status={status}
      onSyncNow={() => void syncNow()}
      onClose={() => setStaffOpen(false)}
      onRevoked={unpair}
    />
  );

  if (phase === 'unpaired') {
    return (
      <main className="kiosk kiosk--message" id="main">
        <div className="kiosk-message" role="alert">
          <h1>{kioskMessages.vi.notPairedTitle}</h1>
          <p>{kioskMessages.vi.notPairedBody}</p>
          {status.pending > 0 && <p>{kioskMessages.vi.pending(status.pending)}</p>}
        </div>
      </main>
    );
  }

  return (
    <div className={`kiosk${elderly ? ' kiosk--elderly' : ''}`} lang={locale}>
      {phase === 'attract' && (
        <main className="kiosk-attract" id="main" onClick={() => start()}>
          <div className="kiosk-place">
            <p className="kiosk-place__unit">{unitName}</p>
            <h1 className="kiosk-place__desk">{deskName}</h1>
          </div>
          <button type="button" className="kiosk-cta" onClick={(e) => (e.stopPropagation(), start())}>
            <span aria-hidden="true" className="kiosk-cta__icon">
              ☝
            </span>
            {t.attractTitle}
          </button>
          <LookupButton locale={locale} onOpen={() => setPhase('lookup')} />
          <p className="kiosk-lead">{t.attractLead}</p>
          <p className="kiosk-anon">{t.attractAnonymous}</p>
          <div className="kiosk-options" onClick={(e) => e.stopPropagation()}>
            <button type="button" className="kiosk-option" lang={locale === 'vi' ? 'en' : 'vi'} onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
              {t.switchLanguage}
            </button>
            {hasVoice && locale === 'vi' && (
              <button type="button" className="kiosk-option" aria-pressed={elderly} onClick={() => setElderly(!elderly)}>
                {elderly ? t.elderlyOff : t.elderlyOn}
              </button>
            )}
          </div>
          {syncLine}
        </main>
      )}
      {phase === 'lookup' && (
        <ProcedureLookup procedures={config.procedures} deskCode={config.point.code} locale={locale} idleSeconds={config.idleSeconds} onExit={toAttract} onRate={start} />
      )}
      {phase === 'survey' && session && (
        <main className="kiosk-survey" id="main">
          <div className="kiosk-survey__bar">
            <p className="kiosk-survey__desk">{deskName}</p>
            <button type="button" className="kiosk-option" onClick={toAttract}>
              {t.startOver}
            </button>
          </div>
          <Survey model={session.model} />
        </main>
      )}
      {phase === 'thanks' && (
        <main className="kiosk-thanks" id="main" onClick={toAttract}>
          <div className="kiosk-thanks__mark" aria-hidden="true">
            ✓
          </div>
          <h1>{t.thanksTitle}</h1>
          <p>{t.thanksBody}</p>
          {followUp && (
            <div className="kiosk-follow-up" onClick={(e) => e.stopPropagation()}>
              <CaseFollowUp code={followUp.code} responseId={followUp.id} locale={locale} linkAway={false} />
              <button type="button" className="kiosk-option" onClick={toAttract}>
                {t.done}
              </button>
            </div>
          )}
          <p className="kiosk-anon">{t.thanksBack}</p>
          {syncLine}
        </main>
      )}
      <StaffCorner onLongPress={() => setStaffOpen(true)} />
      {staff}
    </div>
  );
}

function buildModel(definition: string, locale: Locale, elderly: boolean): Model {
  const model = new Model(JSON.parse(definition));
  model.locale = locale === 'vi' ? '' : locale;
  model.showCompletedPage = false;
  model.applyTheme({
    ...surveyTheme,
    cssVariables: { ...surveyTheme.cssVariables, '--sjs-font-size': elderly ? '30px' : '24px' },
  });
  return model;
}

/** The service worker keeps the shell and the survey for offline starts (public/kiosk-sw.js). */
function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/kiosk-sw.js', { scope: '/kiosk' })
    .then(() => cacheLoadedAssets())
    .catch(() => undefined);
}

// Must match CACHE in public/kiosk-sw.js.
const SW_CACHE = 'hailong-kiosk-v1';

/**
 * Everything this page loaded from /_next/static (hashed, immutable) goes into the worker's
 * cache, including what was fetched before the worker took control; files of older builds go.
 */
async function cacheLoadedAssets(): Promise<void> {
  if (!('caches' in window)) return;
  const wanted = new Set(
    performance
      .getEntriesByType('resource')
      .map((e) => e.name.split('#')[0]!)
      .filter((u) => u.startsWith(`${location.origin}/_next/static/`)),
  );
  const cache = await caches.open(SW_CACHE);
  for (const url of wanted) if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
  for (const req of await cache.keys()) {
    if (req.url.startsWith(`${location.origin}/_next/static/`) && !wanted.has(req.url)) await cache.delete(req);
  }
}

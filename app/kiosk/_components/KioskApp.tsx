'use client';

import '@/app/_components/survey/survey.css';
import 'survey-core/survey-core.fontless.min.css';
import 'survey-core/i18n/vietnamese';

import { useCallback, useEffect, useRef, useState } from 'react';
import { surveyLocalization, type Model } from 'survey-core';
import { Survey } from 'survey-react-ui';

import { uuidv4 } from '@/lib/delivery/uuid';
import { kioskMessages, type Locale } from '@/lib/i18n';
import { registerScoringProperties } from '@/lib/survey/properties';

import { AttractScreen, type ElderlyMode } from './AttractScreen';
import type { KioskConfig, ShiftOfficer } from './config';
import { KioskThanks } from './KioskThanks';
import { LookupButton, ProcedureLookup } from './lookup/LookupMode';
import { buildKioskModel } from './model';
import { registerServiceWorker } from './service-worker';
import { stopSpeaking, useVietnameseVoice } from './speech';
import { StaffCorner, StaffPanel } from './StaffPanel';
import { useHeartbeat } from './useHeartbeat';
import { useIdleReturn } from './useIdleReturn';
import { useQueueSync } from './useQueueSync';
import { useReadAloud } from './useReadAloud';

registerScoringProperties();
surveyLocalization.defaultLocale = 'vi';

type Phase = 'attract' | 'survey' | 'thanks' | 'unpaired' | 'lookup';
const PLAIN: ElderlyMode = { largeText: false, readAloud: false };

export default function KioskApp({ config }: { config: KioskConfig }) {
  const [phase, setPhase] = useState<Phase>('attract');
  const [locale, setLocale] = useState<Locale>('vi');
  const [elderly, setElderly] = useState<ElderlyMode>(PLAIN);
  const [staffOpen, setStaffOpen] = useState(false);
  const [officer, setOfficer] = useState<ShiftOfficer | null>(config.officer);
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
    setElderly(PLAIN);
    setPhase((p) => (p === 'unpaired' ? p : 'attract'));
  }, []);

  // `procedure`: chosen in the lookup mode ("Đánh giá" on a procedure's detail).
  const start = useCallback(
    (procedure?: string) => {
      // The first touch of the day puts the tablet in full screen (browsers require a gesture).
      if (!document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => undefined);
      setSession({
        model: buildKioskModel(config.survey.definition, locale, elderly.largeText),
        startedAt: new Date().toISOString(),
        procedure,
      });
      setPhase('survey');
    },
    [config.survey.definition, locale, elderly.largeText],
  );

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

  useReadAloud(session?.model ?? null, elderly.readAloud && hasVoice && locale === 'vi');
  // A half-finished survey is discarded after KIOSK_IDLE_SECONDS without a touch.
  useIdleReturn(phase === 'survey' && !staffOpen, config.idleSeconds * 1000, toAttract, true);
  // The thank-you returns on its own; with a case code on it, it waits like a survey page.
  useIdleReturn(
    phase === 'thanks' && !staffOpen,
    (followUp ? config.idleSeconds : config.thanksSeconds) * 1000,
    toAttract,
    followUp !== null,
  );
  useHeartbeat(config.appVersion, status, unpair);
  useEffect(() => registerServiceWorker(), []);

  const staff = staffOpen && (
    <StaffPanel
      deviceName={config.deviceName}
      deskName={config.point.name}
      appVersion={config.appVersion}
      status={status}
      onSyncNow={() => void syncNow()}
      onClose={() => setStaffOpen(false)}
      onRevoked={unpair}
      officers={config.officers}
      onShift={setOfficer}
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

  // The queue is staff business (StaffPanel); citizens see none of it. data-pending is for tests
  // and for a technician's devtools.
  return (
    <div className={`kiosk${elderly.largeText ? ' kiosk--elderly' : ''}`} lang={locale} data-pending={status.pending}>
      {phase === 'attract' && (
        <AttractScreen
          locale={locale}
          unitName={unitName}
          deskName={deskName}
          elderly={elderly}
          hasVoice={hasVoice}
          onStart={() => start()}
          onLocale={setLocale}
          onElderly={setElderly}
          actions={<LookupButton locale={locale} onOpen={() => setPhase('lookup')} />}
          officer={config.officers ? officer : null}
        />
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
      {phase === 'lookup' && (
        <ProcedureLookup
          procedures={config.procedures}
          deskCode={config.point.code}
          locale={locale}
          idleSeconds={config.idleSeconds}
          onExit={toAttract}
          onRate={start}
        />
      )}
      {phase === 'thanks' && (
        <KioskThanks locale={locale} followUp={followUp} lookupBase={config.lookupBase} onDone={toAttract} />
      )}
      <StaffCorner onLongPress={() => setStaffOpen(true)} />
      {staff}
    </div>
  );
}

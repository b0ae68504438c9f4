'use client';

import '@/app/_components/procedures/procedures.css';
import './lookup.css';

import QRCode from 'qrcode';
import { useEffect, useMemo, useState } from 'react';

import {
  IllustrativeNote,
  ProcedureFacts,
  VietnameseOnly,
  VietnameseOnlyNote,
} from '@/app/_components/procedures/ProcedureFacts';
import type { Locale } from '@/lib/i18n';
import { procedureMessages } from '@/lib/procedures/messages';
import { localizeRecord } from '@/lib/procedures/record';
import { filterCatalogue, sectorsOf } from '@/lib/procedures/search';

import type { KioskProcedure } from './types';

const KEYS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const SHOWN = 30;

/**
 * The kiosk's lookup mode: a large search over the catalogue stored with the page (so it works
 * offline), with an on-screen keyboard (no diacritics needed), a sector filter and this desk's
 * procedures first; a detail readable from arm's length with a QR code of the online service;
 * "Đánh giá" rates with the procedure chosen. Returns to the attract screen when left idle.
 */
export default function ProcedureLookup({
  procedures,
  deskCode,
  locale,
  idleSeconds,
  onExit,
  onRate,
}: {
  procedures: KioskProcedure[];
  deskCode: string;
  locale: Locale;
  idleSeconds: number;
  onExit: () => void;
  onRate: (code: string) => void;
}) {
  const t = procedureMessages[locale];
  const [query, setQuery] = useState('');
  const [sector, setSector] = useState('');
  const [selected, setSelected] = useState<KioskProcedure | null>(null);
  const sectors = useMemo(() => sectorsOf(procedures), [procedures]);
  const matches = useMemo(
    () => filterCatalogue(procedures, { q: query, sector: sector || undefined }),
    [procedures, query, sector],
  );

  useIdle(idleSeconds, onExit);

  if (selected) {
    // Only a procedure this desk handles can be rated here: the server refuses any other
    // (server/ingest.ts), and a queued answer it refuses would be lost.
    const atDesk = selected.points.includes(deskCode);
    return (
      <Detail
        procedure={selected}
        locale={locale}
        onBack={() => setSelected(null)}
        onRate={atDesk ? () => onRate(selected.record.code) : undefined}
        onExit={onExit}
      />
    );
  }
  return (
    <main className="kiosk-lookup" id="main">
      <div className="kiosk-lookup__bar">
        <h1>{t.lookupTitle}</h1>
        <button type="button" className="kiosk-option" onClick={onExit}>
          {t.home}
        </button>
      </div>
      <div className="kiosk-lookup__search">
        <input
          type="search"
          inputMode="none"
          value={query}
          placeholder={t.searchPlaceholder}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-label={t.searchLabel}
        />
      </div>
      <Keyboard onKey={(k) => setQuery((q) => (k === '⌫' ? q.slice(0, -1) : k === '×' ? '' : q + k))} />
      <label className="kiosk-lookup__sector">
        <span>{t.sectorLabel}</span>
        <select value={sector} onChange={(e) => setSector(e.target.value)}>
          <option value="">{t.allSectors}</option>
          {sectors.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <p className="kiosk-lookup__count" aria-live="polite">
        {matches.length === 0 ? t.none : t.found(matches.length)}
      </p>
      <ul className="kiosk-lookup__list">
        {matches.slice(0, SHOWN).map((p) => (
          <li key={p.record.code}>
            <button type="button" onClick={() => setSelected(p)}>
              {locale === 'en' && p.record.en?.name ? (
                <span className="kiosk-lookup__name">{p.record.en.name}</span>
              ) : (
                <span className="kiosk-lookup__name" lang="vi">
                  {p.record.name}
                </span>
              )}
              <span className="kiosk-lookup__meta">
                {p.record.code}
                {p.record.sector && ` · ${p.record.sector}`}
                {p.points.includes(deskCode) && <strong> · {locale === 'vi' ? 'Tại quầy này' : 'At this desk'}</strong>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

function Detail({
  procedure,
  locale,
  onBack,
  onRate,
  onExit,
}: {
  procedure: KioskProcedure;
  locale: Locale;
  onBack: () => void;
  onRate?: () => void;
  onExit: () => void;
}) {
  const t = procedureMessages[locale];
  const { record, vietnamese, all } = localizeRecord(procedure.record, locale);
  const qr = useQr(record.onlineUrl);
  return (
    <main className="kiosk-lookup kiosk-lookup--detail" id="main">
      <div className="kiosk-lookup__bar">
        <button type="button" className="kiosk-option" onClick={onBack}>
          {t.back}
        </button>
        <button type="button" className="kiosk-option" onClick={onExit}>
          {t.home}
        </button>
      </div>
      <p className="procedure-detail__code">
        {t.code}: {record.code}
        {record.level && ` · ${t.level}: ${record.level}`}
      </p>
      <h1>
        <span {...(vietnamese.has('name') ? { lang: 'vi' } : {})}>{record.name}</span>
        {vietnamese.has('name') && !all && <VietnameseOnly t={t} />}
      </h1>
      {procedure.illustrative && <IllustrativeNote t={t} />}
      {all && <VietnameseOnlyNote t={t} />}
      <ProcedureFacts record={record} t={t} vietnamese={vietnamese} allVietnamese={all} />
      {record.onlineUrl && (
        <section className="kiosk-lookup__online">
          {qr && (
            <img
              src={qr}
              width={280}
              height={280}
              alt={`${t.online}: ${record.onlineUrl}`}
              data-testid="procedure-qr"
            />
          )}
          <p>{t.onlineScan}</p>
        </section>
      )}
      {onRate ? (
        <button type="button" className="kiosk-cta kiosk-lookup__rate" onClick={onRate}>
          {t.rateThis}
        </button>
      ) : (
        <p className="kiosk-lookup__elsewhere">{t.rateElsewhere}</p>
      )}
    </main>
  );
}

function Keyboard({ onKey }: { onKey: (key: string) => void }) {
  return (
    <div className="kiosk-keyboard" aria-hidden="true">
      {KEYS.map((row) => (
        <div key={row} className="kiosk-keyboard__row">
          {[...row].map((k) => (
            <button key={k} type="button" tabIndex={-1} onClick={() => onKey(k)}>
              {k}
            </button>
          ))}
        </div>
      ))}
      <div className="kiosk-keyboard__row">
        <button type="button" tabIndex={-1} className="kiosk-keyboard__wide" onClick={() => onKey(' ')}>
          ␣
        </button>
        <button type="button" tabIndex={-1} onClick={() => onKey('⌫')}>
          ⌫
        </button>
        <button type="button" tabIndex={-1} onClick={() => onKey('×')}>
          ×
        </button>
      </div>
    </div>
  );
}

/** A PNG data URL of the QR code of a link, made on the tablet (it needs no network). */
function useQr(url: string | null): string | null {
  const [made, setMade] = useState<{ url: string; png: string } | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    QRCode.toDataURL(url, { margin: 2, width: 280, errorCorrectionLevel: 'M' })
      .then((png) => live && setMade({ url, png }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url]);
  return made && made.url === url ? made.png : null;
}

/** Calls `onIdle` after `seconds` without a touch or a key. */
function useIdle(seconds: number, onIdle: () => void): void {
  useEffect(() => {
    let timer = setTimeout(onIdle, seconds * 1000);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, seconds * 1000);
    };
    const events = ['pointerdown', 'keydown', 'input', 'scroll'] as const;
    for (const e of events) document.addEventListener(e, touched, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) document.removeEventListener(e, touched, { capture: true });
    };
  }, [seconds, onIdle]);
}

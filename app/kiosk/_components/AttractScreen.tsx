'use client';

import type { ReactNode } from 'react';

import { kioskMessages, type Locale } from '@/lib/i18n';

import type { ShiftOfficer } from './config';

export type ElderlyMode = { largeText: boolean; readAloud: boolean };

/**
 * The screen a tablet shows between citizens: the desk, one big "tap to rate" button, and the
 * language and elderly-mode toggles. `actions` is the place for another start button beside
 * the rating (it gets the same size and spacing).
 */
export function AttractScreen({
  locale,
  unitName,
  deskName,
  elderly,
  hasVoice,
  onStart,
  onLocale,
  onElderly,
  actions,
  officer = null,
}: {
  locale: Locale;
  unitName: string;
  deskName: string;
  elderly: ElderlyMode;
  hasVoice: boolean;
  onStart: () => void;
  onLocale: (locale: Locale) => void;
  onElderly: (mode: ElderlyMode) => void;
  actions?: ReactNode;
  /** The officer on shift (OFFICER_RATINGS), shown under the desk until their shift ends. */
  officer?: ShiftOfficer | null;
}) {
  const t = kioskMessages[locale];
  const other = locale === 'vi' ? 'en' : 'vi';
  return (
    <main className="kiosk-attract" id="main" onClick={onStart}>
      <div className="kiosk-place">
        <p className="kiosk-place__unit">{unitName}</p>
        <h1 className="kiosk-place__desk">{deskName}</h1>
        {officer && Date.now() < officer.until && (
          <div className="kiosk-officer" data-testid="kiosk-officer">
            {/* A small data: URL the admin stored (lib/officers/record.ts). */}
            {officer.photo && <img className="kiosk-officer__photo" src={officer.photo} alt="" />}
            <p className="kiosk-officer__text">
              <span className="kiosk-officer__label">{t.servedBy}</span>
              <strong className="kiosk-officer__name">{officer.name}</strong>
              {officer.title && <span className="kiosk-officer__title">{officer.title}</span>}
            </p>
          </div>
        )}
      </div>
      <div className="kiosk-actions" onClick={(e) => e.stopPropagation()}>
        <button type="button" className="kiosk-cta" onClick={onStart}>
          <span aria-hidden="true" className="kiosk-cta__icon">
            ☝
          </span>
          {t.attractTitle}
        </button>
        {actions}
      </div>
      <p className="kiosk-lead">{t.attractLead}</p>
      <p className="kiosk-anon">{t.attractAnonymous}</p>
      <div className="kiosk-options" onClick={(e) => e.stopPropagation()}>
        <button type="button" className="kiosk-option" lang={other} onClick={() => onLocale(other)}>
          {t.switchLanguage}
        </button>
        {/* Fixed labels: the pressed state is told by aria-pressed and the look, not by new words. */}
        <button
          type="button"
          className="kiosk-option"
          aria-pressed={elderly.largeText}
          onClick={() => onElderly({ ...elderly, largeText: !elderly.largeText })}
        >
          {t.largeText}
        </button>
        {hasVoice && locale === 'vi' && (
          <button
            type="button"
            className="kiosk-option"
            aria-pressed={elderly.readAloud}
            onClick={() => onElderly({ ...elderly, readAloud: !elderly.readAloud })}
          >
            {t.readAloud}
          </button>
        )}
      </div>
    </main>
  );
}

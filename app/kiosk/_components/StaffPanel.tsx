'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';

import { formatLocalTime } from '@/lib/admin/format';
import { kioskMessages } from '@/lib/i18n';

import type { ShiftOfficer } from './config';
import { ShiftChooser } from './ShiftChooser';
import type { QueueStatus } from './useQueueSync';

export const LONG_PRESS_MS = 3_000;
const t = kioskMessages.vi;

/** An invisible corner that opens the PIN prompt after a long press; a tap does nothing. */
export function StaffCorner({ onLongPress }: { onLongPress: () => void }) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancel = () => clearTimeout(timer.current);
  useEffect(() => cancel, []);
  return (
    <button
      type="button"
      className="kiosk-corner"
      aria-label={t.staffCorner}
      onPointerDown={(e) => {
        e.stopPropagation();
        cancel();
        timer.current = setTimeout(onLongPress, LONG_PRESS_MS);
      }}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onClick={(e) => e.stopPropagation()}
      onContextMenu={(e) => e.preventDefault()}
    />
  );
}

type PinState = { name: 'idle' } | { name: 'checking' } | { name: 'error'; message: string };

/** PIN prompt, then the staff view: queue, last sync, and the ways out of kiosk mode. */
export function StaffPanel({
  deviceName,
  deskName,
  appVersion,
  status,
  onSyncNow,
  onClose,
  onRevoked,
  officers = false,
  onShift,
}: {
  deviceName: string;
  deskName: string;
  appVersion: string;
  status: QueueStatus;
  onSyncNow: () => void;
  onClose: () => void;
  onRevoked: () => void;
  /** OFFICER_RATINGS: offer the shift once the PIN is right. */
  officers?: boolean;
  onShift?: (officer: ShiftOfficer | null) => void;
}) {
  const [unlocked, setUnlocked] = useState(false);
  // The PIN that opened the panel, kept while it is open for the shift's calls (never stored).
  const verifiedPin = useRef('');
  const [pin, setPin] = useState('');
  const [state, setState] = useState<PinState>({ name: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  async function check(e: FormEvent) {
    e.preventDefault();
    setState({ name: 'checking' });
    let res: Response;
    try {
      res = await fetch('/api/kiosk/pin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pin }),
      });
    } catch {
      return setState({ name: 'error', message: t.pinOffline });
    }
    setPin('');
    if (res.ok) {
      verifiedPin.current = pin;
      return setUnlocked(true);
    }
    if (res.status === 401) return onRevoked();
    setState({ name: 'error', message: res.status === 429 ? t.pinTooMany : t.pinWrong });
  }

  return (
    <div className="kiosk-staff" role="dialog" aria-modal="true" aria-labelledby="staff-title">
      <div className="kiosk-staff__box">
        <h2 id="staff-title">{t.staffTitle}</h2>
        {!unlocked ? (
          <form onSubmit={check} className="form">
            <label className="field">
              {t.pinLabel}
              <input
                ref={input}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                pattern="[0-9]{4,8}"
                maxLength={8}
                required
                value={pin}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              />
            </label>
            {state.name === 'error' && (
              <p className="status status--error" role="alert">
                {state.message}
              </p>
            )}
            <div className="kiosk-staff__actions">
              <button type="submit" className="button" disabled={state.name === 'checking'}>
                {t.pinSubmit}
              </button>
              <button type="button" className="button button--ghost" onClick={onClose}>
                {t.cancel}
              </button>
            </div>
          </form>
        ) : (
          <>
            <dl className="kiosk-staff__facts">
              <dt>{t.staffDevice}</dt>
              <dd>{deviceName}</dd>
              <dt>{t.staffDesk}</dt>
              <dd>{deskName}</dd>
              <dt>{t.staffPending}</dt>
              <dd data-testid="staff-pending">{status.pending}</dd>
              <dt>{t.staffSetAside}</dt>
              <dd>{status.setAside}</dd>
              <dt>{t.staffLastSync}</dt>
              <dd>{status.lastSyncAt ? formatLocalTime(status.lastSyncAt) : t.neverSynced}</dd>
              <dt>{t.staffLastError}</dt>
              <dd>{status.lastError ?? '–'}</dd>
              <dt>{t.staffVersion}</dt>
              <dd>{appVersion}</dd>
            </dl>
            {officers && onShift && <ShiftChooser pin={verifiedPin.current} onShift={onShift} />}
            <div className="kiosk-staff__actions">
              <button type="button" className="button" onClick={onSyncNow}>
                {t.syncNow}
              </button>
              <button type="button" className="button button--ghost" onClick={() => window.location.reload()}>
                {t.reload}
              </button>
              {typeof document !== 'undefined' && document.fullscreenElement && (
                <button type="button" className="button button--ghost" onClick={() => void document.exitFullscreen()}>
                  {t.exitFullscreen}
                </button>
              )}
              <button type="button" className="button button--ghost" onClick={onClose}>
                {t.closeStaff}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

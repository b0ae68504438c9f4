'use client';

import { useEffect, useState, type FormEvent } from 'react';

import { kioskMessages } from '@/lib/i18n';

import type { ShiftOfficer } from './config';

const t = kioskMessages.vi;

type Listed = { current: ShiftOfficer | null; officers: Omit<ShiftOfficer, 'until'>[] };
type State =
  { name: 'loading' } | { name: 'ready' } | { name: 'saving' } | { name: 'done'; message: string } | { name: 'error' };

/**
 * The staff panel's shift (OFFICER_RATINGS): which officer is at the desk now. The PIN the staff
 * just typed goes with every call, so the server decides each change on its own
 * (app/api/kiosk/shift/route.ts); the tablet never sends an officer with an answer.
 */
export function ShiftChooser({ pin, onShift }: { pin: string; onShift: (officer: ShiftOfficer | null) => void }) {
  const [listed, setListed] = useState<Listed | null>(null);
  const [chosen, setChosen] = useState('');
  const [state, setState] = useState<State>({ name: 'loading' });

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const res = await fetch('/api/kiosk/shift', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ pin }),
        });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as Listed;
        if (!live) return;
        setListed(body);
        setChosen(body.current ? String(body.current.id) : '');
        setState({ name: 'ready' });
      } catch {
        if (live) setState({ name: 'error' });
      }
    })();
    return () => {
      live = false;
    };
  }, [pin]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setState({ name: 'saving' });
    try {
      const res = await fetch('/api/kiosk/shift', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pin, officer: chosen === '' ? null : Number(chosen) }),
      });
      if (!res.ok) throw new Error(String(res.status));
      const body = (await res.json()) as Listed;
      setListed(body);
      onShift(body.current);
      setState({ name: 'done', message: body.current ? t.shiftSaved : t.shiftEnded });
    } catch {
      setState({ name: 'error' });
    }
  }

  return (
    <form className="form kiosk-shift" onSubmit={save}>
      <label className="field">
        {t.shiftOfficer}
        <select
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          disabled={listed === null || state.name === 'saving'}
        >
          <option value="">{t.shiftNone}</option>
          {listed?.officers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title ? `${o.name} – ${o.title}` : o.name}
            </option>
          ))}
        </select>
      </label>
      {state.name === 'done' && (
        <p className="status status--ok" role="status">
          {state.message}
        </p>
      )}
      {state.name === 'error' && (
        <p className="status status--error" role="alert">
          {t.shiftFailed}
        </p>
      )}
      <div className="kiosk-staff__actions">
        <button type="submit" className="button" disabled={listed === null || state.name === 'saving'}>
          {t.shiftSave}
        </button>
      </div>
    </form>
  );
}

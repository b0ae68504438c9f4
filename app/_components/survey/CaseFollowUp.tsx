'use client';

import { useState, type FormEvent } from 'react';

import { messages, type Locale } from '@/lib/i18n';

type State = { name: 'idle' } | { name: 'sending' } | { name: 'saved' } | { name: 'failed'; message: string };

/**
 * Under the thank-you message after a negative answer or a complaint: the case code to follow it
 * on /tra-cuu, and an optional call-back request with explicit consent (DESIGN §2.4).
 */
export function CaseFollowUp({ code, responseId, locale, linkAway = true }: { code: string; responseId: string; locale: Locale; /** false on a kiosk: nothing may lead a citizen away */ linkAway?: boolean }) {
  const t = messages[locale];
  const [state, setState] = useState<State>({ name: 'idle' });
  const lookup = `/tra-cuu?ma=${encodeURIComponent(code)}${locale === 'en' ? '&lang=en' : ''}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const phone = String(form.get('phone') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    if (!phone && !email) return setState({ name: 'failed', message: t.contactPhoneOrEmail });
    setState({ name: 'sending' });
    try {
      const res = await fetch('/api/cases/contact', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ responseId, name: String(form.get('name') ?? '').trim(), phone, email, locale, consent: form.get('consent') === 'on' }),
      });
      if (res.ok || res.status === 409) return setState({ name: 'saved' });
      const payload = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setState({ name: 'failed', message: payload?.error?.message ?? `HTTP ${res.status}` });
    } catch {
      setState({ name: 'failed', message: t.retrying });
    }
  }

  return (
    <div className="case-follow-up">
      <h2>{t.caseTitle}</h2>
      <p>
        {t.caseCodeLabel}: <strong className="case-code">{code}</strong>
      </p>
      <p>
        {t.caseCodeHint}{' '}
        {linkAway ? <a href={lookup}>{t.lookupLink}</a> : <strong>{`${typeof window === 'undefined' ? '' : window.location.host}/tra-cuu`}</strong>}
      </p>
      {state.name === 'saved' ? (
        <p className="status status--info" role="status">
          {t.contactSaved}
        </p>
      ) : (
        <form className="form" onSubmit={submit}>
          <p className="case-follow-up__offer">{t.contactOffer}</p>
          <label className="field">
            <span>{t.contactName}</span>
            <input name="name" autoComplete="name" maxLength={100} />
          </label>
          <label className="field">
            <span>{t.contactPhone}</span>
            <input name="phone" type="tel" inputMode="tel" autoComplete="tel" maxLength={20} />
          </label>
          <label className="field">
            <span>{t.contactEmail}</span>
            <input name="email" type="email" autoComplete="email" maxLength={200} />
          </label>
          <label className="consent">
            <input name="consent" type="checkbox" required />
            <span>{t.contactConsent}</span>
          </label>
          {state.name === 'failed' && (
            <p className="status status--error" role="alert">
              {t.contactFailed} {state.message}
            </p>
          )}
          <button className="button" type="submit" disabled={state.name === 'sending'}>
            {t.contactSend}
          </button>
        </form>
      )}
    </div>
  );
}

'use client';

import './thanks.css';

import { useEffect, useState, type FormEvent } from 'react';

import { messages, type Locale, type Messages } from '@/lib/i18n';

type State = { name: 'idle' } | { name: 'sending' } | { name: 'saved' } | { name: 'failed'; message: string };

/** What app/s/[point]/lien-he/route.ts answered a form sent without JavaScript (`?lienhe=`). */
function stateAfterPost(result: string | undefined, t: Messages): State {
  if (result === undefined) return { name: 'idle' };
  if (result === 'da-luu') return { name: 'saved' };
  const message =
    result === 'thieu'
      ? t.contactPhoneOrEmail
      : result === 'dong-y'
        ? t.contactNeedsConsent
        : result === 'da-dong'
          ? t.contactClosed
          : t.contactInvalid;
  return { name: 'failed', message };
}

/**
 * Under the thank-you message after a negative answer or a complaint: the case code to follow it
 * on /tra-cuu (large, never broken over two lines), and an optional call-back request with
 * explicit consent as a second step the citizen opens only if they want it (server/ingest.ts
 * opens the case; app/api/cases/contact/route.ts takes the contact).
 */
export function CaseFollowUp({
  code,
  responseId,
  locale,
  kiosk,
  post,
}: {
  code: string;
  responseId: string;
  locale: Locale;
  /** On a kiosk nothing may lead a citizen away: the lookup address is shown as a QR code to carry. */
  kiosk?: { lookupBase: string };
  /** Where the contact form posts without JavaScript, and what that post answered. */
  post?: { action: string; result?: string };
}) {
  const t = messages[locale];
  const [state, setState] = useState<State>(() => stateAfterPost(post?.result, t));
  // Opened once, for a refused post to show its reason; after that the citizen opens and closes it.
  const [openAtFirst] = useState(state.name === 'failed');
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
        body: JSON.stringify({
          responseId,
          name: String(form.get('name') ?? '').trim(),
          phone,
          email,
          locale,
          consent: form.get('consent') === 'on',
        }),
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
      <p className="case-code__label" id="case-code-label">
        {t.caseCodeLabel}
      </p>
      <p className="case-code__row">
        <strong className="case-code" aria-labelledby="case-code-label">
          {code}
        </strong>
        {!kiosk && <CopyButton text={code} locale={locale} />}
      </p>
      {kiosk ? (
        <LookupQr url={`${kiosk.lookupBase}${lookup}`} locale={locale} />
      ) : (
        <p>
          {t.caseCodeHint} <a href={lookup}>{t.lookupLink}</a>
        </p>
      )}
      {state.name === 'saved' ? (
        // The page footer promises that no phone number is kept; it is hidden from here on
        // (globals.css, .contact-saved) and this says what now holds instead.
        <div className="status status--info contact-saved" role="status">
          <p>{t.contactSaved}</p>
          <p>{t.contactPrivacy}</p>
        </div>
      ) : (
        <details
          className="contact-step"
          id="lien-he"
          open={openAtFirst || undefined}
          // Opened at the foot of a full screen: bring its fields up, above the send bar.
          onToggle={(e) => e.currentTarget.open && !openAtFirst && e.currentTarget.scrollIntoView({ block: 'start' })}
        >
          <summary className="button button--ghost">{t.contactOpen}</summary>
          <form className="form" onSubmit={submit} method={post ? 'post' : undefined} action={post?.action}>
            <input type="hidden" name="responseId" value={responseId} />
            <input type="hidden" name="locale" value={locale} />
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
        </details>
      )}
    </div>
  );
}

function CopyButton({ text, locale }: { text: string; locale: Locale }) {
  const t = messages[locale];
  const [copied, setCopied] = useState(false);
  const [can, setCan] = useState(false);
  useEffect(() => setCan(typeof navigator !== 'undefined' && !!navigator.clipboard), []);
  if (!can) return null;
  return (
    <button
      type="button"
      className="button button--ghost case-code__copy"
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => undefined,
        )
      }
    >
      <span aria-live="polite">{copied ? t.copied : t.copyCode}</span>
    </button>
  );
}

/** The lookup link as a QR code, drawn in the browser (qrcode loads only when a case is shown). */
function LookupQr({ url, locale }: { url: string; locale: Locale }) {
  const t = messages[locale];
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((QR) => QR.toDataURL(url, { errorCorrectionLevel: 'M', margin: 4, width: 320 }))
      .then(
        (data) => live && setSrc(data),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <figure className="lookup-qr">
      {src && <img src={src} width={200} height={200} alt={t.lookupQr} />}
      <figcaption>{t.lookupQr}</figcaption>
    </figure>
  );
}

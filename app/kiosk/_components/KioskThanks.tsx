'use client';

import { CaseFollowUp } from '@/app/_components/survey/CaseFollowUp';
import { kioskMessages, type Locale } from '@/lib/i18n';

/**
 * The kiosk's thank-you. After a complaint: the case code (twice the body size, scaling with
 * "Chữ to"), a QR code of its lookup page to carry away on a phone, the call-back offer as an
 * optional second step, and "done" well apart from the rest so a mis-tap loses nothing.
 */
export function KioskThanks({
  locale,
  followUp,
  lookupBase,
  onDone,
}: {
  locale: Locale;
  followUp: { id: string; code: string } | null;
  lookupBase: string;
  onDone: () => void;
}) {
  const t = kioskMessages[locale];
  return (
    <main
      className={`kiosk-thanks${followUp ? ' kiosk-thanks--case' : ''}`}
      id="main"
      onClick={followUp ? undefined : onDone}
    >
      <div className="kiosk-thanks__mark" aria-hidden="true">
        ✓
      </div>
      <h1>{t.thanksTitle}</h1>
      <p>{t.thanksBody}</p>
      {followUp ? (
        <>
          <div className="kiosk-follow-up">
            <CaseFollowUp code={followUp.code} responseId={followUp.id} locale={locale} kiosk={{ lookupBase }} />
          </div>
          <button type="button" className="kiosk-option kiosk-done" onClick={onDone}>
            {t.done}
          </button>
        </>
      ) : (
        <p className="kiosk-anon">{t.thanksBack}</p>
      )}
    </main>
  );
}

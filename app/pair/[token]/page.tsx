import type { Metadata } from 'next';

import { getDb } from '@/db';
import { findPairing } from '@/db/queries/devices';
import { kioskMessages } from '@/lib/i18n';
import { currentDevice } from '@/server/device-page';
import { hashToken } from '@/server/secrets';

import '@/app/kiosk/kiosk.css';

import { OpenKiosk } from './OpenKiosk';
import { PairForm } from './PairForm';

export const metadata: Metadata = { title: 'Kết nối máy tính bảng', robots: { index: false, follow: false } };

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Where a device's one-time pairing link lands: says which desk, and asks for a tap to bind. */
export default async function PairPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = kioskMessages.vi;
  const pairing = TOKEN.test(token)
    ? await findPairing(getDb(), { tokenHash: hashToken(token), now: Date.now() })
    : null;
  // Just paired (the action re-renders this page with the new cookie): on to the kiosk.
  const device = pairing ? null : await currentDevice();
  return (
    <main className="citizen-main" id="main">
      <div className="card login-card">
        <h1>{t.pairTitle}</h1>
        {pairing ? (
          <>
            <p>{t.pairIntro}</p>
            <dl className="pair-facts">
              <dt>{t.unitLabel}</dt>
              <dd>{pairing.unitName}</dd>
              <dt>{t.deskLabel}</dt>
              <dd>{pairing.pointName}</dd>
              <dt>{t.deviceLabel}</dt>
              <dd>{pairing.name}</dd>
            </dl>
            <PairForm token={token} />
          </>
        ) : device ? (
          <>
            <p role="status">{device.name}</p>
            <OpenKiosk label={t.openKiosk} />
          </>
        ) : (
          <p className="status status--error" role="alert">
            {t.pairLinkInvalid}
          </p>
        )}
      </div>
    </main>
  );
}

import { getDb } from '@/db';
import { findPointByCode } from '@/db/queries/points';
import { findSurveyVersion } from '@/db/queries/surveys';
import { getConfig } from '@/lib/config';
import { kioskMessages } from '@/lib/i18n';
import { currentDevice } from '@/server/device-page';
import { currentShift } from '@/server/kiosk-shift';
import { catalogueForDesk } from '@/server/procedures/catalogue';
import pkg from '@/package.json';

import { KioskLoader } from './_components/KioskLoader';

export const dynamic = 'force-dynamic';

/** The tablet at a desk: its own desk and survey, taken from the device it was paired as. */
export default async function KioskPage() {
  const device = await currentDevice();
  const db = getDb();
  const point = device ? await findPointByCode(db, { code: device.pointCode }) : null;
  const survey =
    point && point.active && point.unit.active ? await findSurveyVersion(db, { slug: point.kioskSurvey }) : null;
  if (!device || !point || !survey) return <NotConnected />;

  const cfg = getConfig();
  const [catalogue, officer] = await Promise.all([
    catalogueForDesk(db, point.code),
    cfg.OFFICER_RATINGS ? currentShift(db, device.id) : null,
  ]);
  return (
    <KioskLoader
      config={{
        deviceName: device.name,
        point: {
          code: point.code,
          name: point.name,
          nameEn: point.nameEn,
          unitName: point.unit.name,
          unitNameEn: point.unit.nameEn,
        },
        survey: { slug: survey.slug, version: survey.version, definition: survey.definition },
        thanksSeconds: cfg.KIOSK_THANKS_SECONDS,
        idleSeconds: cfg.KIOSK_IDLE_SECONDS,
        appVersion: pkg.version,
        procedures: catalogue.map((p) => ({
          record: p.record,
          illustrative: p.illustrative,
          points: p.points.includes(point.code) ? [point.code] : [],
        })),
        lookupBase: cfg.publicBaseUrl,
        officers: cfg.OFFICER_RATINGS,
        officer,
      }}
    />
  );
}

function NotConnected() {
  const t = kioskMessages.vi;
  return (
    <main className="kiosk kiosk--message" id="main">
      <div className="kiosk-message" role="alert">
        <h1>{t.notPairedTitle}</h1>
        <p>{t.notPairedBody}</p>
        <p lang="en" className="kiosk-message__en">
          {kioskMessages.en.notPairedTitle}. {kioskMessages.en.notPairedBody}
        </p>
      </div>
    </main>
  );
}

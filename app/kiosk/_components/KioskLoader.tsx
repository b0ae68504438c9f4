'use client';

import dynamic from 'next/dynamic';

import { kioskMessages } from '@/lib/i18n';

import type { KioskConfig } from './config';

// SurveyJS needs the browser (it touches window at import), so the kiosk runs client-only.
const KioskApp = dynamic(() => import('./KioskApp'), {
  ssr: false,
  loading: () => (
    <main className="kiosk kiosk--message">
      <p className="kiosk-message" role="status">
        {kioskMessages.vi.loading}
      </p>
    </main>
  ),
});

export function KioskLoader({ config }: { config: KioskConfig }) {
  return <KioskApp config={config} />;
}

import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import './kiosk.css';

export const metadata: Metadata = {
  title: 'Máy đánh giá tại quầy',
  manifest: '/kiosk.webmanifest',
  robots: { index: false, follow: false },
  appleWebApp: { capable: true, title: 'Hài Lòng', statusBarStyle: 'black-translucent' },
};

// A tablet on a stand: no pinch zoom that a citizen could leave behind for the next person.
export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  maximumScale: 1,
  userScalable: false,
  themeColor: '#0b4f8a',
};

export default function KioskLayout({ children }: { children: ReactNode }) {
  return children;
}

import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import './kiosk.css';

export const metadata: Metadata = {
  title: 'Máy đánh giá tại quầy',
  manifest: '/kiosk.webmanifest',
  robots: { index: false, follow: false },
  appleWebApp: { capable: true, title: 'Hài Lòng', statusBarStyle: 'black-translucent' },
};

// Zoom stays allowed (WCAG 1.4.4): a pinch left behind is undone by the next reset anyway.
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b4f8a' };

export default function KioskLayout({ children }: { children: ReactNode }) {
  return children;
}

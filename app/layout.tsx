import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Hài Lòng – Đánh giá sự hài lòng', template: '%s · Hài Lòng' },
  description: 'Đánh giá sự hài lòng của người dân, doanh nghiệp về phục vụ hành chính công.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0b4f8a',
};

// Every page is rendered per request: Next attaches the CSP nonce from proxy.ts to its scripts
// only then, and a prerendered page's scripts would be blocked.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="vi">
      <body>{children}</body>
    </html>
  );
}

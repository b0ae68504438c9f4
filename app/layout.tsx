import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

import { PAGE_LANG_HEADER } from '@/lib/http/security-headers';

import './globals.css';
import './accessibility.css';

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
  const lang = (await headers()).get(PAGE_LANG_HEADER) === 'en' ? 'en' : 'vi';
  return (
    <html lang={lang}>
      <body>{children}</body>
    </html>
  );
}

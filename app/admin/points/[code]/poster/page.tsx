import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { Poster } from '@/app/_components/poster/Poster';
import { PrintButton } from '@/app/_components/poster/PrintButton';
import '@/app/_components/poster/poster.css';
import { getDb } from '@/db';
import { findPosterPoint } from '@/db/queries/posters';
import { getConfig } from '@/lib/config';
import { requirePage } from '@/server/guard';
import { safeDecode } from '@/lib/http/decode';

export const metadata: Metadata = { title: 'Áp phích mã QR của quầy' };

/** The printable A4 QR poster of one desk. */
export default async function PointPosterPage({ params }: { params: Promise<{ code: string }> }) {
  const code = safeDecode((await params).code);
  if (code === null) notFound();
  await requirePage('admin.manage', `/admin/points/${encodeURIComponent(code)}/poster`);
  const point = await findPosterPoint(getDb(), { code });
  if (!point) notFound();
  return (
    <main id="main">
      <div className="poster-toolbar">
        <PrintButton label="In áp phích (A4) · Print" />
        <p className="muted">Khổ A4 dọc, không lề. A4 portrait, no margins.</p>
      </div>
      <Poster point={point} baseUrl={getConfig().publicBaseUrl} />
    </main>
  );
}

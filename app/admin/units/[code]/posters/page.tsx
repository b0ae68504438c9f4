import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { Poster } from '@/app/_components/poster/Poster';
import { PrintButton } from '@/app/_components/poster/PrintButton';
import '@/app/_components/poster/poster.css';
import { getDb } from '@/db';
import { listPosterPointsOfUnit } from '@/db/queries/posters';
import { getConfig } from '@/lib/config';
import { requirePage } from '@/server/guard';
import { safeDecode } from '@/lib/http/decode';

export const metadata: Metadata = { title: 'Áp phích mã QR của đơn vị' };

/** Every desk's poster of a unit (and its sub-units), one A4 page each, to print in one go. */
export default async function UnitPostersPage({ params }: { params: Promise<{ code: string }> }) {
  const code = safeDecode((await params).code);
  if (code === null) notFound();
  await requirePage('admin.manage', `/admin/units/${encodeURIComponent(code)}/posters`);
  const unit = await listPosterPointsOfUnit(getDb(), { code });
  if (!unit) notFound();
  const baseUrl = getConfig().publicBaseUrl;
  return (
    <main id="main">
      <div className="poster-toolbar">
        <PrintButton label={`In ${unit.points.length} áp phích · Print`} />
        <p className="muted">
          {unit.unitName}: {unit.points.length} quầy.
        </p>
      </div>
      {unit.points.length === 0 && <p className="poster-toolbar">Đơn vị này chưa có quầy nào đang hoạt động.</p>}
      {unit.points.map((p) => (
        <Poster key={p.code} point={p} baseUrl={baseUrl} />
      ))}
    </main>
  );
}

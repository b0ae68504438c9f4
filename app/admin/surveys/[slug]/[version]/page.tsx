import Link from 'next/link';
import { notFound } from 'next/navigation';

import { getDb } from '@/db';
import { findSurveyVersion } from '@/db/queries/surveys';
import { requirePage } from '@/server/guard';

import { SurveyPreviewLoader } from '../../../_components/SurveyPreviewLoader';

export const metadata = { title: 'Xem thử phiếu' };

export default async function SurveyPreviewPage({ params }: { params: Promise<{ slug: string; version: string }> }) {
  const { slug, version } = await params;
  await requirePage('admin.manage', `/admin/surveys/${slug}/${version}`);
  const n = Number(version);
  const record = Number.isInteger(n) && n > 0 ? await findSurveyVersion(getDb(), { slug, version: n }) : null;
  if (!record) notFound();
  return (
    <>
      <p>
        <Link href={`/admin/surveys/${slug}`}>← Phiếu {slug}</Link>
      </p>
      <h1>
        Xem thử {slug} v{record.version}: {record.title}
      </h1>
      <p className="status status--info preview-note">
        Đây là bản xem thử bằng trình hiển thị thật: câu trả lời không được gửi hay lưu.
      </p>
      <div className="card">
        <SurveyPreviewLoader definition={record.definition} />
      </div>
    </>
  );
}

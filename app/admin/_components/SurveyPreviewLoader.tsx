'use client';

import dynamic from 'next/dynamic';

// SurveyJS needs the browser; load it only on the preview page.
const SurveyPreview = dynamic(() => import('./SurveyPreview'), {
  ssr: false,
  loading: () => <p role="status">Đang tải phiếu…</p>,
});

export function SurveyPreviewLoader({ definition }: { definition: string }) {
  return <SurveyPreview definition={definition} />;
}

import type { Metadata } from 'next';
import { Suspense } from 'react';

import { getDb } from '@/db';
import { latestComments } from '@/db/queries/comments';
import { can } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';
import { formatDay } from '@/lib/dashboard/format';
import { paramsFromSearch } from '@/lib/dashboard/params';
import { loadDashboard } from '@/server/dashboard';
import { requirePage } from '@/server/guard';
import { isViewError, resolvePageView } from '@/server/view';
import { quarterOf } from '@/lib/time/local';

import { commentRatingOf } from '@/lib/survey/scoring';
import { describeAnswers } from '@/lib/survey/answer-text';

import { Comments, COMMENTS_FROM, isCommentTone, type CommentTone } from './_components/Comments';
import { FilterForm } from './_components/FilterForm';
import { Headline } from './_components/Headline';
import { Heatmap } from './_components/Heatmap';
import { Answers } from './_components/Answers';
import { cachedReasons } from './_components/improvement-data';
import { LowestProcedures } from './_components/LowestProcedures';
import { Improvement, ImprovementSkeleton } from './_components/Improvement';
import { Ranking } from './_components/Rankings';
import { ChannelSection, ElementSection, TrendSection } from './_components/Sections';
import './dashboard.css';
import { DashboardShell, DashboardViewRefused } from './_components/DashboardShell';

export const metadata: Metadata = { title: 'Bảng điều khiển' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 10;
const VIEW_KEYS = ['survey', 'period', 'from', 'to', 'unit', 'point', 'procedure', 'channel', 'trend'] as const;

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: Search }) {
  const raw = paramsFromSearch(await searchParams);
  // A preset period wins over dates left in the form from an earlier custom choice.
  if (raw.period && raw.period !== 'custom') {
    delete raw.from;
    delete raw.to;
  }
  const query = new URLSearchParams(raw).toString();
  const principal = await requirePage('dashboard.view', `/dashboard${query ? `?${query}` : ''}`);
  const db = getDb();
  const { MIN_RESPONSES, SATISFACTION_TARGET } = getConfig();
  const { surveys, view } = await resolvePageView(db, principal, raw, 'sipas');
  if (isViewError(view)) {
    return (
      <DashboardViewRefused principal={principal} title="Không xem được bảng điều khiển" error={view}>
        <a href="/dashboard">Về mặc định</a>
      </DashboardViewRefused>
    );
  }

  const data = await loadDashboard(db, view, {
    minResponses: MIN_RESPONSES,
    trendUnit: view.params.trend,
    target: SATISFACTION_TARGET,
  });
  const page = Math.max(1, Math.min(1000, Number.parseInt(raw.page ?? '1', 10) || 1));
  const search = (raw.q ?? '').slice(0, 100);
  const showComments = can(principal, 'comments.view');
  const rating = commentRatingOf(view.survey.definition);
  const tone = rating && isCommentTone(raw.tone) ? raw.tone : null;
  const shown = showComments && data.indices.responses >= COMMENTS_FROM;
  const [comments, reasons] = await Promise.all([
    shown
      ? latestComments(db, view.filter, {
          page,
          pageSize: PAGE_SIZE,
          search,
          rating: rating?.name ?? null,
          tone:
            rating && tone
              ? { question: rating.name, satisfiedFrom: rating.satisfiedFrom, positive: tone === 'praise' }
              : null,
        })
      : { rows: [], hasNext: false },
    shown ? cachedReasons(view, MIN_RESPONSES) : null,
  ]);
  const ratingLabels =
    rating &&
    new Map(
      rating.values.map((v) => [
        v,
        describeAnswers(view.survey.definition, { [rating.name]: v })[0]?.text ?? String(v),
      ]),
    );
  const commentHref = (extra: { page?: number; tone?: CommentTone | null }) => {
    const t = extra.tone === undefined ? tone : extra.tone;
    return `/dashboard?${new URLSearchParams({ ...viewFilters, ...(search ? { q: search } : {}), ...(t ? { tone: t } : {}), page: String(extra.page ?? 1) })}#comments`;
  };

  const viewFilters = Object.fromEntries(VIEW_KEYS.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]!]));
  const exportQuery = new URLSearchParams({
    survey: view.survey.slug,
    from: view.period.from,
    to: view.period.to,
    ...(view.params.unit ? { unit: view.params.unit } : {}),
    ...(view.params.point ? { point: view.params.point } : {}),
    ...(view.params.procedure ? { procedure: view.params.procedure } : {}),
    ...(view.params.channel ? { channel: view.params.channel } : {}),
  }).toString();
  const reportQuery = new URLSearchParams({
    survey: view.survey.slug,
    quarter: quarterOf(view.period.to),
    ...(view.params.unit ? { unit: view.params.unit } : {}),
  }).toString();
  const scopeName = view.point?.name ?? view.unit?.name ?? 'Tất cả đơn vị';

  return (
    <DashboardShell principal={principal}>
      <div className="dash-title">
        <h1>
          {view.survey.title}
          <span className="dash-title__scope">
            {scopeName} · {formatDay(view.period.from)} – {formatDay(view.period.to)}
          </span>
        </h1>
        <nav className="dash-actions" aria-label="Báo cáo và tải về">
          <a className="button button--ghost" href={`/dashboard/report?${reportQuery}`}>
            Báo cáo quý (in)
          </a>
          {can(principal, 'exports.download') && (
            <>
              <a className="button button--ghost" href={`/api/exports/responses?format=csv&${exportQuery}`}>
                Tải phiếu (CSV)
              </a>
              <a className="button button--ghost" href={`/api/exports/responses?format=xlsx&${exportQuery}`}>
                Tải phiếu (Excel)
              </a>
              <a className="button button--ghost" href={`/api/exports/indices?format=xlsx&${exportQuery}`}>
                Tải bảng chỉ số (Excel)
              </a>
            </>
          )}
        </nav>
      </div>
      <Suspense fallback={<div className="dash-answers" aria-busy="true" />}>
        <Answers view={view} data={data} minResponses={MIN_RESPONSES} />
      </Suspense>
      <FilterForm
        values={raw}
        surveys={surveys}
        units={view.catalog.units}
        points={view.catalog.points}
        procedures={view.catalog.procedures}
        period={view.period}
      />
      <Headline data={data} />
      <Suspense fallback={<ImprovementSkeleton />}>
        <Improvement view={view} data={data} minResponses={MIN_RESPONSES} />
      </Suspense>
      <div className="dash-grid">
        <TrendSection data={data} />
        <ChannelSection data={data} />
      </div>
      <ElementSection data={data} />
      <div className="dash-grid">
        <Ranking id="rank-units" title="Xếp hạng đơn vị" noun="đơn vị" ranking={data.rankings.units} />
        <Ranking id="rank-points" title="Xếp hạng quầy" noun="quầy" ranking={data.rankings.points} />
      </div>
      <LowestProcedures ranking={data.rankings.procedures} />
      <Heatmap cells={data.heatmap} minResponses={MIN_RESPONSES} />
      {showComments && (
        <Comments
          rows={comments.rows}
          hasNext={comments.hasNext}
          page={page}
          pageSize={PAGE_SIZE}
          search={search}
          responses={data.indices.responses}
          hiddenFilters={viewFilters}
          pageHref={(p) => commentHref({ page: p })}
          tone={tone}
          toneHref={(t) => commentHref({ tone: t })}
          rating={
            rating && ratingLabels
              ? { title: String(rating.title), labels: ratingLabels, satisfiedFrom: rating.satisfiedFrom }
              : null
          }
          perReason={reasons ? reasons.comments : null}
        />
      )}
      <p className="muted dash-footnote">
        Chỉ số theo phương pháp SIPAS: tiêu chí = tỷ lệ câu trả lời mức 4–5 (hoặc 2–3 với thang 3 mức); yếu tố = trung
        bình các tiêu chí; chỉ số chung = trung bình các yếu tố; đơn vị, quầy, kênh và từng kỳ của xu hướng đều tính
        cùng cách. Khoảng tin cậy lấy người trả lời làm đơn vị (một người trả lời nhiều câu). Ô có dưới {MIN_RESPONSES}{' '}
        người trả lời không được tính (chưa đủ dữ liệu). Phiếu bấm lặp không được tính. &quot;Làm tốt&quot; / &quot;chưa
        tốt&quot; chỉ dựa trên kiểm định so với mốc so sánh, không dựa vào thứ hạng.
      </p>
    </DashboardShell>
  );
}

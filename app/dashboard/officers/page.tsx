import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';

import { getDb } from '@/db';
import { can } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';
import { formatDay, formatInt, formatPercent, notEnough } from '@/lib/dashboard/format';
import { paramsFromSearch } from '@/lib/dashboard/params';
import { VERDICT_WORDS } from '@/lib/indices';
import { requirePage } from '@/server/guard';
import { officerFigures, officerRankingAnswer } from '@/server/officer-routes';
import { officerScope, viewPrincipal } from '@/server/officer-scope';
import { isViewError, resolvePageView } from '@/server/view';

import { Ranking } from '../_components/Rankings';
import '../dashboard.css';
import { DashboardShell, DashboardViewRefused } from '../_components/DashboardShell';
import { PERIODS } from '../_components/FilterForm';

export const metadata: Metadata = { title: 'Đánh giá cán bộ' };
export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;
// The presets only: this page has no from–to fields.
const PRESETS = PERIODS.filter(([key]) => key !== 'custom');

/**
 * Officer figures (OFFICER_RATINGS): the officers the caller may see ranked against their own
 * unit, and one officer's detail with their procedure mix. An officer sees only themself. Every
 * render is a view of personal figures and is audited (server/officer-scope.ts).
 */
export default async function OfficersPage({ searchParams }: { searchParams: Search }) {
  const raw = paramsFromSearch(await searchParams);
  const query = new URLSearchParams(raw).toString();
  const principal = await requirePage('officers.view', `/dashboard/officers${query ? `?${query}` : ''}`);
  if (!getConfig().OFFICER_RATINGS) notFound();
  const db = getDb();
  const scope = await officerScope(db, principal);
  if (scope.kind === 'none') redirect('/forbidden');
  if (scope.kind === 'self') raw.officer = String(scope.officer.id);
  const { view } = await resolvePageView(db, viewPrincipal(principal, scope), raw, 'quick');
  if (isViewError(view)) {
    return <DashboardViewRefused principal={principal} title="Không xem được đánh giá cán bộ" error={view} />;
  }
  const route = 'page /dashboard/officers';
  const [ranking, detail] = await Promise.all([
    officerRankingAnswer(db, view, principal, route),
    raw.officer ? officerFigures(db, view, raw, principal, route) : null,
  ]);
  if (detail && !detail.ok && detail.status === 404) notFound();
  const link = (extra: Record<string, string>) =>
    `/dashboard/officers?${new URLSearchParams({ survey: view.survey.slug, ...(raw.period ? { period: raw.period } : {}), ...extra })}`;
  // The file holds the ranking shown here: the resolved period, so it matches what is on screen.
  const exportQuery = new URLSearchParams({
    survey: view.survey.slug,
    from: view.period.from,
    to: view.period.to,
    ...(raw.unit ? { unit: raw.unit } : {}),
  }).toString();

  return (
    <DashboardShell principal={principal}>
      <div className="dash-title">
        <h1>
          {scope.kind === 'self' ? 'Đánh giá của tôi' : 'Đánh giá cán bộ'}
          <span className="dash-title__scope">
            {view.survey.title} · {formatDay(view.period.from)} – {formatDay(view.period.to)}
          </span>
        </h1>
        <nav className="dash-actions" aria-label="Kỳ xem">
          {PRESETS.map(([key, label]) => (
            <a
              key={key}
              className="button button--ghost"
              href={link({ period: key, ...(raw.officer ? { officer: raw.officer } : {}) })}
            >
              {label}
            </a>
          ))}
        </nav>
        {can(principal, 'officers.export') && (
          <nav className="dash-actions" aria-label="Tải về">
            <a className="button button--ghost" href={`/api/exports/officers?format=csv&${exportQuery}`}>
              Tải xếp hạng cán bộ (CSV)
            </a>
            <a className="button button--ghost" href={`/api/exports/officers?format=xlsx&${exportQuery}`}>
              Tải xếp hạng cán bộ (Excel)
            </a>
          </nav>
        )}
      </div>
      <p className="muted">
        Chỉ số của mỗi cán bộ tính từ những người đã đánh giá khi cán bộ đó làm việc tại quầy (ca làm việc chọn trên máy
        tính bảng), cùng một phương pháp với chỉ số của quầy và đơn vị; mỗi cán bộ được so với chỉ số của chính đơn vị
        mình trong cùng kỳ (kiểm định hai phía 95 %, hiệu chỉnh Holm). Số liệu này là thông tin cá nhân: mỗi lần xem đều
        được ghi nhật ký.
      </p>
      {detail?.ok && (
        <section className="dash-card" aria-labelledby="officer-title" data-testid="officer-detail">
          <h2 id="officer-title">
            {detail.figures.officer.name}
            {detail.figures.officer.title ? ` · ${detail.figures.officer.title}` : ''}
          </h2>
          {detail.figures.index === null ? (
            <p>{notEnough(detail.figures.responses)}</p>
          ) : (
            <p>
              Chỉ số <strong>{formatPercent(detail.figures.index)}</strong> (KTC 95 %{' '}
              {formatPercent(detail.figures.ci95![0])} – {formatPercent(detail.figures.ci95![1])}),{' '}
              {formatInt(detail.figures.responses)} người đánh giá.
              {detail.figures.benchmark &&
                ` So với ${detail.figures.benchmark.label} ${formatPercent(detail.figures.benchmark.index)}: ${VERDICT_WORDS.vi[detail.figures.verdict ?? 'within']}.`}
            </p>
          )}
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Cơ cấu thủ tục / Procedure mix">
            <table className="dash-table">
              <caption>Thủ tục đã tiếp nhận, và chỉ số của cùng thủ tục trên toàn phạm vi đang xem</caption>
              <thead>
                <tr>
                  <th scope="col">Thủ tục</th>
                  <th scope="col">Người đánh giá</th>
                  <th scope="col">Chỉ số thủ tục (mọi quầy)</th>
                </tr>
              </thead>
              <tbody>
                {detail.figures.procedures.map((p) => (
                  <tr key={p.procedure || '-'}>
                    <th scope="row">{p.label}</th>
                    <td className="num">{formatInt(p.responses)}</td>
                    <td className="num">{formatPercent(p.viewIndex)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {detail.figures.mixAdjustedViewIndex !== null && (
            <p className="muted">
              Với cùng cơ cấu thủ tục, chỉ số chung của các quầy là {formatPercent(detail.figures.mixAdjustedViewIndex)}
              .
            </p>
          )}
        </section>
      )}
      <Ranking id="rank-officers" title="Xếp hạng cán bộ" noun="cán bộ" ranking={ranking} />
      {scope.kind !== 'self' && ranking.ranked.length + ranking.suppressed.length > 0 && (
        <section className="dash-card" aria-labelledby="officers-list-title">
          <h2 id="officers-list-title">Xem từng cán bộ</h2>
          <ul>
            {[...ranking.ranked, ...ranking.suppressed].map((r) => (
              <li key={r.key}>
                <a href={link({ officer: r.key })}>{r.label}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </DashboardShell>
  );
}

import type { Metadata } from 'next';

import { getDb } from '@/db';
import { latestComments, type CommentRow } from '@/db/queries/comments';
import { getConfig } from '@/lib/config';
import { byIndexDescending } from '@/lib/dashboard/chart-text';
import { formatBucket, formatDay, formatInt, formatPercent, formatSigned, notEnough } from '@/lib/dashboard/format';
import { paramsFromSearch, viewErrorHintVi } from '@/lib/dashboard/params';
import { linePath } from '@/lib/dashboard/sparkline';
import { loadDashboard } from '@/server/dashboard';
import { requirePage } from '@/server/guard';
import { interruptViewError, isViewError, resolveView } from '@/server/view';
import { quarterBounds, quarterOf, localDay } from '@/lib/time/local';

import { loadReportDocument } from '@/server/report';

import { COMMENTS_FROM } from '../_components/Comments';
import { DocumentHead, SignatureBlock } from './_components/DocumentFrame';
import { CasesSection, ConclusionsSection, PrioritiesSection } from './_components/ReportSections';
import { referenceLines } from '../_components/reference-lines';
import { RankingTable } from './_components/RankingTable';
import { ReportBars } from './_components/ReportBars';
import { PrintButton } from './PrintButton';
import './report.css';

export const metadata: Metadata = { title: 'Báo cáo quý' };
export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The quarterly report: A4, Vietnamese, n beside every figure; prints from the browser. */
export default async function ReportPage({ searchParams }: { searchParams: Search }) {
  const raw = paramsFromSearch(await searchParams);
  const query = new URLSearchParams(raw).toString();
  const principal = await requirePage('dashboard.view', `/dashboard/report${query ? `?${query}` : ''}`);
  const quarter = raw.quarter ?? quarterOf(localDay(Date.now()));
  // A report is a calendar quarter: any dates carried over from the dashboard give way to it.
  const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'from' && k !== 'to' && k !== 'period'));
  const db = getDb();
  const view = await resolveView(db, principal, { ...rest, quarter }, Date.now(), { survey: 'sipas' });
  if (isViewError(view)) {
    const refused = interruptViewError(view);
    return (
      <main className="report" id="main">
        <h1>Không lập được báo cáo</h1>
        <p role="alert">{viewErrorHintVi(refused.code)}</p>
        <p lang="en">{refused.message}</p>
        <p>
          <a href="/dashboard">← Bảng điều khiển</a>
        </p>
      </main>
    );
  }
  const { MIN_RESPONSES, SATISFACTION_TARGET } = getConfig();
  const data = await loadDashboard(db, view, {
    minResponses: MIN_RESPONSES,
    trendUnit: 'week',
    previous: quarterBounds(previousQuarter(quarter)),
    target: SATISFACTION_TARGET,
  });
  const { indices } = data;
  // Within each element, the strongest criterion first, in the chart and its table alike.
  const dimensions = indices.dimensions.map((d) => ({ ...d, criteria: byIndexDescending(d.criteria) }));
  const rating =
    view.survey.scoring.questions.find((q) => q.name === 'overall') ??
    view.survey.scoring.questions.find((q) => q.dimension !== null);
  const pick = async (positive: boolean): Promise<CommentRow[]> =>
    rating && indices.responses >= COMMENTS_FROM
      ? (
          await latestComments(db, view.filter, {
            page: 1,
            pageSize: 3,
            tone: { question: rating.name, satisfiedFrom: rating.satisfiedFrom, positive },
          })
        ).rows
      : [];
  const [praise, complaints, doc] = await Promise.all([
    pick(true),
    pick(false),
    loadReportDocument(db, view, data, MIN_RESPONSES, Date.now()),
  ]);
  const scope = view.point?.name ?? view.unit?.name ?? 'Toàn Sở (tất cả đơn vị)';
  const points = data.trend.points;

  return (
    <main className="report" id="main">
      <div className="report__toolbar no-print">
        <a
          href={`/dashboard?${new URLSearchParams({ survey: view.survey.slug, from: view.period.from, to: view.period.to, ...(view.params.unit ? { unit: view.params.unit } : {}) })}`}
        >
          ← Bảng điều khiển
        </a>
        <PrintButton />
      </div>
      <DocumentHead
        department={doc.department}
        quarter={quarter}
        asOf={doc.asOf}
        provisional={doc.provisional}
        scope={`${view.survey.title} · ${scope} · ${formatDay(view.period.from)} – ${formatDay(view.period.to)}`}
      />

      <section className="report__section">
        <h2>1. Kết quả chung</h2>
        <table className="report__table">
          <tbody>
            <tr>
              <th scope="row">Chỉ số hài lòng</th>
              <td>
                {indices.suppressed ? notEnough(indices.responses) : formatPercent(indices.index)}
                {indices.ci95 &&
                  ` (KTC 95 % theo người trả lời ${formatPercent(indices.ci95[0])} – ${formatPercent(indices.ci95[1])})`}
              </td>
            </tr>
            <tr>
              <th scope="row">Số người trả lời (n)</th>
              <td>{formatInt(indices.responses)}</td>
            </tr>
            <tr>
              <th scope="row">So với quý trước</th>
              <td>
                {data.indexDelta === null
                  ? 'không so sánh được (thiếu dữ liệu)'
                  : `${formatSigned(data.indexDelta)} điểm`}{' '}
                (quý trước:{' '}
                {data.previous.indices.index === null
                  ? notEnough(data.previous.indices.responses)
                  : formatPercent(data.previous.indices.index)}
                , n = {formatInt(data.previous.indices.responses)})
                {data.change &&
                  (data.change.significant ? '; thay đổi có ý nghĩa thống kê' : '; chưa có ý nghĩa thống kê')}
              </td>
            </tr>
            <tr>
              <th scope="row">Tỷ lệ không hài lòng</th>
              <td>
                {data.dissatisfied.suppressed
                  ? notEnough(data.dissatisfied.n)
                  : formatPercent(data.dissatisfied.percent)}{' '}
                ({formatInt(data.dissatisfied.count)} / {formatInt(data.dissatisfied.n)} câu trả lời)
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <section className="report__section">
        <h2>2. Chỉ số theo yếu tố và tiêu chí</h2>
        <ReportBars
          title="Chỉ số theo yếu tố và tiêu chí"
          lines={referenceLines(data.rankings.units.benchmark, data.rankings.units.target)}
          rows={dimensions.flatMap((d) => [
            {
              key: d.name,
              label: d.title,
              index: d.index,
              ci95: d.ci95,
              text: d.suppressed ? null : formatPercent(d.index),
              heading: true,
            },
            ...d.criteria.map((c) => ({
              key: c.question,
              label: c.title,
              index: c.index,
              ci95: c.ci95,
              text: c.suppressed ? null : formatPercent(c.index),
            })),
          ])}
        />
        <p className="report__note">
          Yếu tố in đậm, dưới mỗi yếu tố là các tiêu chí của nó, cao nhất trước; vạch đen: khoảng tin cậy 95 %; nét đứt:
          mốc so sánh.
        </p>
        <table className="report__table report__table--grid">
          <thead>
            <tr>
              <th scope="col">Yếu tố / tiêu chí</th>
              <th scope="col">Chỉ số</th>
              <th scope="col">KTC 95 %</th>
              <th scope="col">n</th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((d) => [
              <tr key={d.name} className="report__element">
                <th scope="row">{d.title}</th>
                <td className="num">{d.suppressed ? 'chưa đủ dữ liệu' : formatPercent(d.index)}</td>
                <td />
                <td />
              </tr>,
              ...d.criteria.map((c) => (
                <tr key={c.question}>
                  <th scope="row" className="report__criterion">
                    {c.title}
                  </th>
                  <td className="num">{c.suppressed ? 'chưa đủ dữ liệu' : formatPercent(c.index)}</td>
                  <td className="num">{c.ci95 ? `${formatPercent(c.ci95[0])} – ${formatPercent(c.ci95[1])}` : '–'}</td>
                  <td className="num">{formatInt(c.n)}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </section>

      <section className="report__section report__keep">
        <h2>3. Xu hướng theo tuần</h2>
        {points.every((p) => p.responses === 0) ? (
          <p>Chưa có dữ liệu trong quý.</p>
        ) : (
          <>
            <svg className="report__trend" viewBox="-40 -10 700 230" role="img" aria-label="Tỷ lệ hài lòng theo tuần">
              {[0, 25, 50, 75, 100].map((v) => (
                <g key={v}>
                  <line x1="0" x2="640" y1={200 - v * 2} y2={200 - v * 2} stroke="#c9d2dc" />
                  <text x="-8" y={204 - v * 2} textAnchor="end" fontSize="11">
                    {v} %
                  </text>
                </g>
              ))}
              {data.trend.reference && (
                <line
                  x1="0"
                  x2="640"
                  y1={200 - data.trend.reference.index * 2}
                  y2={200 - data.trend.reference.index * 2}
                  stroke="#8a4b00"
                  strokeDasharray="6 4"
                />
              )}
              <path
                d={linePath(
                  points.map((p) => p.index),
                  640,
                  200,
                )}
                fill="none"
                stroke="#0b4f8a"
                strokeWidth="2.5"
              />
            </svg>
            <p className="report__note">
              Tỷ lệ câu trả lời hài lòng gộp mọi tiêu chí, theo tuần
              {data.trend.reference &&
                `; nét đứt: SIPAS toàn quốc ${data.trend.reference.year} (${formatPercent(data.trend.reference.index)})`}
              .
            </p>
            <table className="report__table report__table--grid report__table--compact">
              <thead>
                <tr>
                  <th scope="col">Tuần</th>
                  {points.map((p) => (
                    <th key={p.bucket} scope="col">
                      {formatBucket(p.bucket)
                        .replace(/^Tuần /, '')
                        .replace(/\/\d{4}$/, '')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">%</th>
                  {points.map((p) => (
                    <td key={p.bucket} className="num">
                      {p.index === null ? '–' : p.index.toFixed(0)}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">n</th>
                  {points.map((p) => (
                    <td key={p.bucket} className="num">
                      {p.responses}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </>
        )}
      </section>

      <RankingTable title="4. Xếp hạng đơn vị" ranking={data.rankings.units} />
      <RankingTable title="5. Xếp hạng quầy" ranking={data.rankings.points} />

      <section className="report__section report__keep">
        <h2>6. Một số ý kiến tiêu biểu</h2>
        {praise.length + complaints.length === 0 ? (
          <p>Không có ý kiến (hoặc chưa đủ {COMMENTS_FROM} phiếu).</p>
        ) : (
          <div className="report__comments">
            <div>
              <h3>Ghi nhận</h3>
              <ul>
                {praise.map((c) => (
                  <li key={c.id}>
                    “{c.comment}” — {c.point}
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3>Cần cải thiện</h3>
              <ul>
                {complaints.map((c) => (
                  <li key={c.id}>
                    “{c.comment}” — {c.point}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </section>
      <CasesSection number={7} cases={doc.cases} />
      <PrioritiesSection number={8} doc={doc} />
      <ConclusionsSection number={9} doc={doc} />
      <p className="report__note">
        Phương pháp: chỉ số tiêu chí = tỷ lệ câu trả lời hài lòng (mức 4–5, hoặc 2–3 với thang 3 mức); yếu tố = trung
        bình các tiêu chí; chỉ số chung = trung bình các yếu tố (Quyết định 2640/QĐ-BNV). Khoảng tin cậy 95 %: Wilson
        cho tiêu chí; chỉ số gộp nhiều câu của một người lấy người trả lời làm đơn vị. Ô dưới {MIN_RESPONSES} người trả
        lời ghi &quot;chưa đủ dữ liệu&quot;. Xếp hạng dùng cùng chỉ số; kết luận &quot;làm tốt&quot; / &quot;chưa
        tốt&quot; theo kiểm định hai phía 95 % so với mốc so sánh, hiệu chỉnh Holm. Lập ngày{' '}
        {formatDay(localDay(Date.now()))}.
      </p>
      <SignatureBlock />
    </main>
  );
}

import type { Metadata } from 'next';

import { CitizenHeader, withLocale } from '@/app/_components/CitizenHeader';
import { getDb } from '@/db';
import { getConfig } from '@/lib/config';
import { parseLocale, type Locale } from '@/lib/i18n';
import { VERDICT_WORDS } from '@/lib/indices';
import { procedureMessages } from '@/lib/procedures/messages';
import { previousQuarters } from '@/lib/time/local';
import { cachedPublicResults, type PublicPage } from '@/server/public-results';
import { localDay, quarterOf } from '@/lib/time/local';

import { VerdictList } from './VerdictList';

export const metadata: Metadata = { title: 'Kết quả đánh giá sự hài lòng' };

const T = {
  vi: {
    title: 'Kết quả đánh giá sự hài lòng',
    intro: 'Kết quả người dân, doanh nghiệp đánh giá sự phục vụ của các đơn vị thuộc Sở Xây dựng, công bố theo quý.',
    quarter: 'Quý',
    survey: 'Phiếu',
    show: 'Xem',
    overall: 'Chỉ số hài lòng chung',
    responses: 'lượt đánh giá',
    ci: 'khoảng tin cậy 95 %',
    elements: 'Chỉ số theo yếu tố',
    units: 'Kết quả từng đơn vị',
    unit: 'Đơn vị',
    index: 'Chỉ số',
    good: 'Đơn vị làm tốt',
    improve: 'Đơn vị chưa tốt',
    goodNote: 'cao hơn mốc so sánh, có ý nghĩa thống kê',
    improveNote: 'thấp hơn mốc so sánh, có ý nghĩa thống kê',
    noDifference:
      'Chưa đơn vị nào khác biệt rõ so với mốc so sánh: chênh lệch giữa các đơn vị nằm trong sai số thống kê.',
    benchmark: 'Mốc so sánh',
    benchmarkNote:
      'Kết luận theo kiểm định hai phía ở mức 95 %, có hiệu chỉnh Holm cho nhiều đơn vị; không dựa vào thứ hạng.',
    verdict: 'Kết luận',
    people: 'người đánh giá',
    provisional: 'Quý này chưa kết thúc: số liệu là tạm tính và sẽ còn thay đổi.',
    rank: 'Hạng',
    notEnough: 'Chưa đủ dữ liệu để công bố',
    notEnoughNote: (n: number) => `Chỉ công bố khi có từ ${n} người đánh giá trở lên.`,
    trend: 'Xu hướng 4 quý gần nhất',
    cases: 'Phản ánh, kiến nghị đã tiếp nhận và xử lý',
    received: 'Tiếp nhận',
    due: 'Đã đến hạn',
    onTime: 'Xử lý đúng hạn (trong số đã đến hạn)',
    none: 'Chưa có dữ liệu cho quý này.',
    noCases: 'Không có phản ánh nào trong quý.',
    lookup: 'Tra cứu phản ánh của bạn',
  },
  en: {
    title: 'Satisfaction results',
    intro:
      'How citizens and businesses rate the service of the Department of Construction’s units, published every quarter.',
    quarter: 'Quarter',
    survey: 'Survey',
    show: 'Show',
    overall: 'Overall satisfaction index',
    responses: 'ratings',
    ci: '95 % confidence interval',
    elements: 'Index by element',
    units: 'Results by unit',
    unit: 'Unit',
    index: 'Index',
    good: 'Units doing well',
    improve: 'Units not yet doing well',
    goodNote: 'above the benchmark, statistically significant',
    improveNote: 'below the benchmark, statistically significant',
    noDifference:
      'No unit differs clearly from the benchmark: the differences between units are within sampling error.',
    benchmark: 'Benchmark',
    benchmarkNote: 'Verdicts come from a two-sided test at 95 %, Holm-corrected across units; never from the rank.',
    verdict: 'Verdict',
    people: 'respondents',
    provisional: 'This quarter is still running: the figures are provisional and will change.',
    rank: 'Rank',
    notEnough: 'Not enough data to publish',
    notEnoughNote: (n: number) => `Published only from ${n} respondents on.`,
    trend: 'Last four quarters',
    cases: 'Complaints received and handled',
    received: 'Received',
    due: 'Already due',
    onTime: 'Handled on time (of those due)',
    none: 'No data for this quarter yet.',
    noCases: 'No complaints this quarter.',
    lookup: 'Look up your case',
  },
} as const;

const pct = (n: number, locale: Locale) =>
  `${n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0%`;
const qLabel = (q: string, locale: Locale) =>
  locale === 'vi' ? `Quý ${q.slice(6)}/${q.slice(0, 4)}` : `Q${q.slice(6)} ${q.slice(0, 4)}`;

/** /ket-qua: the published results, no login, server-rendered with no client code of its own. */
export default async function PublicResultsPage({
  searchParams,
}: {
  searchParams: Promise<{ quai?: string; quy?: string; phieu?: string; lang?: string }>;
}) {
  const search = await searchParams;
  const locale = parseLocale(search.lang);
  const t = T[locale];
  const current = quarterOf(localDay(Date.now()));
  const choices = previousQuarters(current, 8).reverse();
  const quarter = choices.includes(search.quy ?? '') ? search.quy! : current;
  const survey = search.phieu === 'quick' ? 'quick' : 'sipas';
  const { MIN_RESPONSES: min, SATISFACTION_TARGET } = getConfig();
  const data = await cachedPublicResults(getDb(), { quarter, survey, minResponses: min, target: SATISFACTION_TARGET });

  return (
    <>
      <CitizenHeader
        locale={locale}
        switchHref={withLocale('/ket-qua', { quy: quarter, phieu: survey }, locale === 'vi' ? 'en' : 'vi')}
      />
      <main className="citizen-main results" id="main" lang={locale}>
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <form method="get" className="card form results-form">
          {locale === 'en' && <input type="hidden" name="lang" value="en" />}
          <label className="field">
            <span>{t.quarter}</span>
            <select name="quy" defaultValue={quarter}>
              {choices.map((q) => (
                <option key={q} value={q}>
                  {qLabel(q, locale)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t.survey}</span>
            <select name="phieu" defaultValue={survey}>
              <option value="sipas">SIPAS</option>
              <option value="quick">{locale === 'vi' ? 'Đánh giá hồ sơ (3 mức)' : 'Dossier rating (3 levels)'}</option>
            </select>
          </label>
          <button className="button" type="submit">
            {t.show}
          </button>
        </form>

        {!data || (data.overall.responses === 0 && data.units.length === 0 && data.suppressed.length === 0) ? (
          <p className="card">{t.none}</p>
        ) : (
          <>
            <section className="card" aria-labelledby="overall">
              <h2 id="overall">
                {t.overall} · {qLabel(quarter, locale)}
              </h2>
              {data.provisional && (
                <p className="results-provisional" data-testid="provisional">
                  <strong>{t.provisional}</strong>
                </p>
              )}
              <Figure figure={data.overall} locale={locale} />
              {data.elements.length > 1 && (
                <>
                  <h3>{t.elements}</h3>
                  <table className="table">
                    <tbody>
                      {data.elements.map((e) => (
                        <tr key={e.name}>
                          <th scope="row">{e.title}</th>
                          <td>{e.index === null ? t.notEnough : pct(e.index, locale)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </section>

            <section className="card" aria-labelledby="ranking">
              <h2 id="ranking">{t.units}</h2>
              {data.benchmark && (
                <p data-testid="benchmark">
                  {t.benchmark}:{' '}
                  {data.benchmark.kind === 'national'
                    ? data.benchmark.label.replace(
                        'SIPAS toàn quốc',
                        locale === 'vi' ? 'SIPAS toàn quốc' : 'national SIPAS',
                      )
                    : locale === 'vi'
                      ? data.benchmark.label
                      : 'index of all units'}{' '}
                  {pct(data.benchmark.index, locale)}
                  {data.target
                    ? ` · ${locale === 'vi' ? data.target.label : 'department target'} ${pct(data.target.index, locale)}`
                    : ''}
                  . {t.benchmarkNote}
                </p>
              )}
              {data.units.length > 0 &&
                (data.units.some((u) => u.verdict !== 'within') ? (
                  <div className="results-columns" data-testid="verdicts">
                    <VerdictList
                      units={data.units.filter((u) => u.verdict === 'above')}
                      title={t.good}
                      note={t.goodNote}
                      format={(n) => pct(n, locale)}
                    />
                    <VerdictList
                      units={data.units.filter((u) => u.verdict === 'below')}
                      title={t.improve}
                      note={t.improveNote}
                      format={(n) => pct(n, locale)}
                    />
                  </div>
                ) : (
                  <p data-testid="no-difference">
                    <strong>{t.noDifference}</strong>
                  </p>
                ))}
              <div className="table-wrap" tabIndex={0} role="region" aria-label={t.units}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t.rank}</th>
                      <th scope="col">{t.unit}</th>
                      <th scope="col">{t.index}</th>
                      <th scope="col">{t.ci}</th>
                      <th scope="col">{t.people}</th>
                      <th scope="col">{t.verdict}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.units.map((r, i) => (
                      <tr key={r.code} data-verdict={r.verdict}>
                        <td>{i > 0 && data.units[i - 1]!.index === r.index ? '' : i + 1}</td>
                        <th scope="row">{r.name}</th>
                        <td>{pct(r.index, locale)}</td>
                        <td>
                          {pct(r.ci95[0], locale)} – {pct(r.ci95[1], locale)}
                        </td>
                        <td>{r.responses.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')}</td>
                        <td>{VERDICT_WORDS[locale][r.verdict]}</td>
                      </tr>
                    ))}
                    {data.suppressed.map((r) => (
                      <tr key={r.code}>
                        <td>—</td>
                        <th scope="row">{r.name}</th>
                        <td colSpan={4}>
                          {t.notEnough} (n = {r.responses})
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="muted">{t.notEnoughNote(min)}</p>
            </section>

            <section className="card" aria-labelledby="trend">
              <h2 id="trend">{t.trend}</h2>
              <table className="table">
                <tbody>
                  {data.trend.map((p) => (
                    <tr key={p.quarter}>
                      <th scope="row">{qLabel(p.quarter, locale)}</th>
                      <td>
                        {p.index === null ? (
                          t.notEnough
                        ) : (
                          <span className="results-bar" style={{ ['--w' as string]: `${p.index}%` }}>
                            {pct(p.index, locale)}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>

            <section className="card" aria-labelledby="cases">
              <h2 id="cases">{t.cases}</h2>
              {data.cases.length === 0 ? (
                <p>{t.noCases}</p>
              ) : (
                <div className="table-wrap" tabIndex={0} role="region" aria-label={t.cases}>
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t.unit}</th>
                        <th scope="col">{t.received}</th>
                        <th scope="col">{t.due}</th>
                        <th scope="col">{t.onTime}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.cases.map((c) => (
                        <tr key={c.unit}>
                          <th scope="row">{c.unit}</th>
                          <td>{c.received}</td>
                          <td>{c.due}</td>
                          <td>
                            {c.closedOnTime}/{c.due}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <p>
                <a href={withLocale('/tra-cuu', {}, locale)}>{t.lookup}</a>
              </p>
            </section>
          </>
        )}
        <p>
          <a href={withLocale('/thu-tuc', {}, locale)}>{procedureMessages[locale].lookupLink}</a>
        </p>
      </main>
    </>
  );

  function Figure({ figure, locale: l }: { figure: PublicPage['overall']; locale: Locale }) {
    if (figure.index === null) return <p className="results-figure">{`${t.notEnough} (n = ${figure.responses})`}</p>;
    return (
      <p className="results-figure">
        <strong>{pct(figure.index, l)}</strong>{' '}
        <span className="muted">
          ({figure.ci95 ? `${t.ci} ${pct(figure.ci95[0], l)} – ${pct(figure.ci95[1], l)}; ` : ''}
          {figure.responses.toLocaleString(l === 'vi' ? 'vi-VN' : 'en-GB')} {t.people})
        </span>
      </p>
    );
  }
}

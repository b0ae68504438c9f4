import type { Metadata } from 'next';

import { CitizenHeader, withLocale } from '@/app/_components/CitizenHeader';
import { getDb } from '@/db';
import { getConfig } from '@/lib/config';
import { parseLocale, type Locale } from '@/lib/i18n';
import { procedureMessages } from '@/lib/procedures/messages';
import { previousQuarters, publicResults, type PublicFigure, type PublicResults } from '@/server/public-results';
import { localDay, quarterOf } from '@/lib/time/local';

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
    improve: 'Đơn vị cần cải thiện',
    rank: 'Hạng',
    notEnough: 'Chưa đủ dữ liệu để công bố',
    notEnoughNote: (n: number) => `Chỉ công bố khi có từ ${n} lượt đánh giá trở lên.`,
    trend: 'Xu hướng 4 quý gần nhất',
    cases: 'Phản ánh, kiến nghị đã tiếp nhận và xử lý',
    received: 'Tiếp nhận',
    onTime: 'Xử lý đúng hạn',
    none: 'Chưa có dữ liệu cho quý này.',
    noCases: 'Không có phản ánh nào trong quý.',
    lookup: 'Tra cứu phản ánh của bạn',
  },
  en: {
    title: 'Satisfaction results',
    intro: 'How citizens and businesses rate the service of the Department of Construction’s units, published every quarter.',
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
    improve: 'Units that need to improve',
    rank: 'Rank',
    notEnough: 'Not enough data to publish',
    notEnoughNote: (n: number) => `Published only from ${n} ratings on.`,
    trend: 'Last four quarters',
    cases: 'Complaints received and handled',
    received: 'Received',
    onTime: 'Handled on time',
    none: 'No data for this quarter yet.',
    noCases: 'No complaints this quarter.',
    lookup: 'Look up your case',
  },
} as const;

// Published figures change slowly and the page is public: each quarter × survey is computed at
// most once every five minutes per server, however many people open it.
const CACHE_MS = 5 * 60_000;
const cache = new Map<string, { at: number; value: PublicResults | null }>();
async function cachedResults(quarter: string, survey: string): Promise<PublicResults | null> {
  const key = `${quarter}|${survey}`;
  const hit = cache.get(key);
  const now = Date.now();
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  const value = await publicResults(getDb(), { quarter, survey, minResponses: getConfig().MIN_RESPONSES, now });
  cache.set(key, { at: now, value });
  return value;
}

const pct = (n: number, locale: Locale) => `${n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0%`;
const qLabel = (q: string, locale: Locale) => (locale === 'vi' ? `Quý ${q.slice(6)}/${q.slice(0, 4)}` : `Q${q.slice(6)} ${q.slice(0, 4)}`);

/** /ket-qua: the published results, no login, server-rendered with no client code of its own. */
export default async function PublicResultsPage({ searchParams }: { searchParams: Promise<{ quai?: string; quy?: string; phieu?: string; lang?: string }> }) {
  const search = await searchParams;
  const locale = parseLocale(search.lang);
  const t = T[locale];
  const current = quarterOf(localDay(Date.now()));
  const choices = previousQuarters(current, 8).reverse();
  const quarter = choices.includes(search.quy ?? '') ? search.quy! : current;
  const survey = search.phieu === 'quick' ? 'quick' : 'sipas';
  const data = await cachedResults(quarter, survey);
  const min = getConfig().MIN_RESPONSES;

  return (
    <>
      <CitizenHeader locale={locale} switchHref={withLocale('/ket-qua', { quy: quarter, phieu: survey }, locale === 'vi' ? 'en' : 'vi')} />
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

        {!data || (!data.overall && data.units.length === 0) ? (
          <p className="card">{t.none}</p>
        ) : (
          <>
            <section className="card" aria-labelledby="overall">
              <h2 id="overall">
                {t.overall} · {qLabel(quarter, locale)}
              </h2>
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
              {data.ranking.length > 0 && (
                <div className="results-columns">
                  <div>
                    <h3>{t.good}</h3>
                    <ol className="results-rank">
                      {data.ranking.slice(0, 3).map((r) => (
                        <li key={r.code}>
                          {r.name}: <strong>{pct(r.index, locale)}</strong>
                        </li>
                      ))}
                    </ol>
                  </div>
                  {data.ranking.length > 3 && (
                    <div>
                      <h3>{t.improve}</h3>
                      <ol className="results-rank">
                        {data.ranking
                          .slice(-3)
                          .reverse()
                          .map((r) => (
                            <li key={r.code}>
                              {r.name}: <strong>{pct(r.index, locale)}</strong>
                            </li>
                          ))}
                      </ol>
                    </div>
                  )}
                </div>
              )}
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t.rank}</th>
                    <th scope="col">{t.unit}</th>
                    <th scope="col">{t.index}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.ranking.map((r) => (
                    <tr key={r.code}>
                      <td>{r.rank}</td>
                      <th scope="row">{r.name}</th>
                      <td>{pct(r.index, locale)}</td>
                    </tr>
                  ))}
                  {data.notEnough.map((r) => (
                    <tr key={r.code}>
                      <td>—</td>
                      <th scope="row">{r.name}</th>
                      <td>{t.notEnough}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
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
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t.unit}</th>
                      <th scope="col">{t.received}</th>
                      <th scope="col">{t.onTime}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.cases.map((c) => (
                      <tr key={c.unit}>
                        <th scope="row">{c.unit}</th>
                        <td>{c.received}</td>
                        <td>
                          {c.closedOnTime}/{c.received}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
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

  function Figure({ figure, locale: l }: { figure: PublicFigure; locale: Locale }) {
    if (!figure) return <p className="results-figure">{t.notEnough}</p>;
    return (
      <p className="results-figure">
        <strong>{pct(figure.index, l)}</strong>{' '}
        <span className="muted">
          ({figure.ci95 ? `${t.ci} ${pct(figure.ci95[0], l)} – ${pct(figure.ci95[1], l)}; ` : ''}
          {figure.responses.toLocaleString(l === 'vi' ? 'vi-VN' : 'en-GB')} {t.responses})
        </span>
      </p>
    );
  }
}

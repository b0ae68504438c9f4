import type { Metadata } from 'next';

import { StaffHeader } from '@/app/_components/StaffHeader';
import { SurveyLoader } from '@/app/_components/survey/SurveyLoader';
import { getDb } from '@/db';
import { findPointByCode, groupByUnit, listActivePoints } from '@/db/queries/points';
import { listPointProcedures } from '@/db/queries/procedures';
import { findSurveyVersion } from '@/db/queries/surveys';
import { getConfig } from '@/lib/config';
import { offersSurvey } from '@/lib/survey/offered';
import { requirePage } from '@/server/guard';
import { officersForDesk } from '@/server/kiosk-shift';

export const metadata: Metadata = { title: 'Tổng đài 1022 – nhập đánh giá' };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
const SURVEYS = [
  { slug: 'quick', label: 'Đánh giá nhanh (3 mức)' },
  { slug: 'sipas', label: 'Phiếu SIPAS đầy đủ (22 tiêu chí)' },
];

/**
 * The 1022 hotline operator records a caller's rating: choose the desk (grouped by
 * unit) and procedure the caller was served at, then fill the survey on their behalf. The
 * response is stored with channel `hotline` and the operator's account. With OFFICER_RATINGS the
 * operator may also name the officer who served, one of the desk unit's active officers (ingest
 * checks it again: server/ingest.ts).
 */
export default async function OperatorPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const principal = await requirePage('hotline.enter', '/operator');
  const db = getDb();

  const points = await listActivePoints(db);
  const pointCode = one(search.point);
  const point = pointCode ? await findPointByCode(db, { code: pointCode }) : null;
  const chosen = point && point.active && point.unit.active ? point : null;
  const procedures = chosen ? await listPointProcedures(db, { pointId: chosen.id }) : [];
  const procedureCode = one(search.procedure);
  const procedure = procedures.find((p) => p.code === procedureCode) ?? null;
  const officers = chosen && getConfig().OFFICER_RATINGS ? await officersForDesk(db, chosen.code) : [];
  const officer = officers.find((o) => String(o.id) === one(search.officer)) ?? null;
  // Only the surveys the chosen desk offers: the server refuses answers to any other.
  const surveys = chosen ? SURVEYS.filter((s) => offersSurvey(chosen, s.slug)) : SURVEYS;
  const slug = surveys.some((s) => s.slug === one(search.survey)) ? one(search.survey)! : (surveys[0]?.slug ?? 'quick');
  const survey = chosen && one(search.start) === '1' ? await findSurveyVersion(db, { slug }) : null;
  // Each call gets a fresh form: the key changes with every "new call" link.
  const call = one(search.call) ?? '0';

  return (
    <>
      <StaffHeader principal={principal} />
      <main className="staff-main" id="main">
        <h1>Tổng đài 1022 – ghi nhận đánh giá qua điện thoại</h1>
        <form method="get" className="card form operator-form" aria-label="Thông tin cuộc gọi">
          <label className="field">
            <span>Quầy đã phục vụ người gọi (theo đơn vị)</span>
            <select name="point" defaultValue={chosen?.code ?? ''} required>
              <option value="" disabled>
                — Chọn quầy —
              </option>
              {groupByUnit(points).map(({ unit, points: ps }) => (
                <optgroup key={unit.code} label={unit.name}>
                  {ps.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.code} · {p.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          {chosen && (
            <label className="field">
              <span>Thủ tục hành chính</span>
              <select name="procedure" defaultValue={procedure?.code ?? ''}>
                <option value="">Không rõ / không nêu</option>
                {procedures.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.code} · {p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {officers.length > 0 && (
            <label className="field">
              <span>Cán bộ đã phục vụ người gọi</span>
              <select name="officer" defaultValue={officer ? String(officer.id) : ''}>
                <option value="">Không rõ / không nêu</option>
                {officers.map((o) => (
                  <option key={o.id} value={String(o.id)}>
                    {o.name}
                    {o.title && ` · ${o.title}`}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>Phiếu đánh giá</span>
            <select name="survey" defaultValue={slug}>
              {surveys.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="call" value={String(Number(call) + 1)} />
          <div className="operator-form__actions">
            {!chosen && (
              <button className="button" type="submit">
                Tiếp tục
              </button>
            )}
            {chosen && (
              <button className="button" type="submit" name="start" value="1">
                Bắt đầu nhập đánh giá
              </button>
            )}
          </div>
        </form>

        {chosen && survey && (
          <section className="card operator-survey" aria-labelledby="operator-survey-title">
            <h2 id="operator-survey-title">
              Người gọi đánh giá: {chosen.unit.name} · {chosen.name}
              {procedure && ` · ${procedure.code}`}
              {officer && ` · ${officer.name}`}
            </h2>
            <p className="muted">Đọc từng câu hỏi cho người gọi và chọn đúng câu trả lời của họ.</p>
            <SurveyLoader
              key={`${call}-${survey.slug}-${chosen.code}-${procedure?.code ?? ''}-${officer?.id ?? ''}`}
              locale="vi"
              survey={{ slug: survey.slug, version: survey.version, definition: survey.definition }}
              context={{ point: chosen.code, channel: 'hotline', procedure: procedure?.code, officer: officer?.id }}
              keepDraft={false}
              afterDone={
                <a
                  className="button"
                  href={`/operator?point=${encodeURIComponent(chosen.code)}&survey=${slug}&call=${Number(call) + 1}`}
                >
                  Nhập cuộc gọi tiếp theo
                </a>
              }
            />
          </section>
        )}
      </main>
    </>
  );
}

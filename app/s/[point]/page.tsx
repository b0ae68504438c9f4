import { randomUUID } from 'node:crypto';

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { CitizenHeader, withLocale } from '@/app/_components/CitizenHeader';
import { FirstPageForm } from '@/app/_components/survey/FirstPageForm';
import { SurveyLoader } from '@/app/_components/survey/SurveyLoader';
import { getDb } from '@/db';
import { findPointByCode } from '@/db/queries/points';
import { isDossierRated } from '@/db/queries/insert-response';
import { findProcedureByCode } from '@/db/queries/procedures';
import { findSurveyVersion } from '@/db/queries/surveys';
import { messages, parseLocale, type Messages } from '@/lib/i18n';
import { firstPageOf } from '@/lib/survey/first-page';
import { normalizeDossier } from '@/lib/qr/links';
import { offersSurvey } from '@/lib/survey/offered';
import { isDossierLinkSigned } from '@/server/dossier-link';
import { safeDecode } from '@/lib/http/decode';

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DOSSIER = /^[\p{L}\p{N}._\-/]{1,64}$/u;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  const locale = parseLocale(one((await searchParams).lang));
  return { title: locale === 'en' ? 'Rate the reception desk' : 'Đánh giá quầy tiếp nhận' };
}

/** What a desk's QR code opens: the desk's survey on the citizen's own phone (channel qr). */
export default async function PointSurveyPage({
  params,
  searchParams,
}: {
  params: Promise<{ point: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ point: rawCode }, search] = await Promise.all([params, searchParams]);
  const code = safeDecode(rawCode);
  if (code === null) notFound();
  const locale = parseLocale(one(search.lang));
  const db = getDb();

  const point = await findPointByCode(db, { code });
  if (!point || !point.active || !point.unit.active) notFound();

  const requested = one(search.survey);
  // Only a survey the desk offers: the server would refuse answers to any other.
  const slug = requested && SLUG.test(requested) && offersSurvey(point, requested) ? requested : point.phoneSurvey;
  const survey = await findSurveyVersion(db, { slug });
  if (!survey) notFound();

  const procedureCode = one(search.procedure);
  const procedure = procedureCode ? await findProcedureByCode(db, { code: procedureCode }) : null;
  const dossierParam = one(search.dossier);
  const normalDossier = dossierParam === undefined ? undefined : normalizeDossier(dossierParam);
  const dossier = normalDossier && DOSSIER.test(normalDossier) ? normalDossier : undefined;
  const signature = one(search.sig);
  // The officer who received the dossier, when the receipt names one: the signature covers it.
  const officerParam = one(search.officer);
  const officer =
    officerParam !== undefined && /^[1-9][0-9]{0,9}$/.test(officerParam) ? Number(officerParam) : undefined;
  // A dossier link is only trusted when the receipt's signature covers this desk, dossier,
  // procedure and officer: otherwise anyone could use up someone else's one rating.
  const dossierProblem =
    dossierParam === undefined
      ? null
      : !dossier ||
          (officerParam !== undefined && officer === undefined) ||
          !isDossierLinkSigned({ point: point.code, dossier, procedure: procedureCode, officer }, signature)
        ? 'forged'
        : (await isDossierRated(db, dossier))
          ? 'rated'
          : null;
  const channel = one(search.c) === 'web' ? 'web' : 'qr';

  const t = messages[locale];
  const formPage = firstPageOf(JSON.parse(survey.definition), locale);
  const kept = {
    survey: requested,
    procedure: procedure?.code,
    dossier,
    sig: dossier ? signature : undefined,
    officer: dossier && officer !== undefined ? String(officer) : undefined,
    c: channel === 'web' ? 'web' : undefined,
  };
  const unitName = locale === 'en' ? (point.unit.nameEn ?? point.unit.name) : point.unit.name;
  const deskName = locale === 'en' ? (point.nameEn ?? point.name) : point.name;

  return (
    <>
      <CitizenHeader
        locale={locale}
        switchHref={withLocale(`/s/${encodeURIComponent(point.code)}`, kept, locale === 'vi' ? 'en' : 'vi')}
        unitName={unitName}
        deskName={deskName}
      />
      <main className="citizen-main" id="main" lang={locale}>
        {procedure && (
          <p className="procedure-note">
            {t.procedure}: {procedure.code} – {procedure.name}
          </p>
        )}
        {dossierProblem ? (
          <div className="card" role={dossierProblem === 'forged' ? 'alert' : 'status'}>
            <h1>{dossierProblem === 'forged' ? t.dossierForgedTitle : t.dossierRatedTitle}</h1>
            <p>{dossierProblem === 'forged' ? t.dossierForgedBody : t.dossierRatedBody}</p>
            {dossierProblem === 'forged' && (
              <a
                className="button"
                href={withLocale(`/s/${encodeURIComponent(point.code)}`, { survey: requested }, locale)}
              >
                {t.rateDeskInstead}
              </a>
            )}
          </div>
        ) : (
          <SurveyLoader
            key={locale}
            locale={locale}
            survey={{ slug: survey.slug, version: survey.version, definition: survey.definition }}
            context={{
              point: point.code,
              channel,
              procedure: procedure?.code,
              dossier,
              dossierSignature: dossier ? signature : undefined,
              officer: dossier ? officer : undefined,
            }}
            formPage={formPage}
            firstPage={
              formPage && (
                <FirstPageForm
                  page={formPage}
                  locale={locale}
                  action={`/s/${encodeURIComponent(point.code)}/answer`}
                  error={formError(t, one(search.loi))}
                  hidden={{
                    id: randomUUID(),
                    survey: survey.slug,
                    surveyVersion: String(survey.version),
                    channel,
                    procedure: procedure?.code,
                    dossier,
                    sig: kept.sig,
                    officer: kept.officer,
                    lang: locale === 'en' ? 'en' : undefined,
                    startedAt: new Date().toISOString(),
                  }}
                />
              )
            }
          />
        )}
      </main>
      <footer className="citizen-footer" lang={locale}>
        {/* A dossier number links the rating to a dossier: say so rather than promise anonymity. */}
        <p>{dossier && !dossierProblem ? t.dossierNote : t.anonymousNote}</p>
      </footer>
    </>
  );
}

/** The reason a plain form post came back (app/s/[point]/answer/route.ts), in the citizen's words. */
function formError(t: Messages, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  if (code === 'no_answer') return t.formNoAnswer;
  if (code === 'dossier_already_rated') return t.dossierRatedBody;
  if (code === 'dossier_forged') return t.dossierForgedBody;
  return `${t.formInvalid} ${code === 'rate_limited' ? t.retrying : t.rejected}`;
}

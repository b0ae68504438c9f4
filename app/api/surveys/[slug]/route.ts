import { getDb } from '@/db';
import { findSurveyVersion } from '@/db/queries/surveys';
import { internalError, methodNotAllowed, notFound } from '@/lib/http/errors';

/** GET /api/surveys/{slug} (docs/contracts.md): the published version. */
export async function GET(_request: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  try {
    const survey = await findSurveyVersion(getDb(), { slug });
    if (!survey) return notFound('unknown_survey', `No published survey "${slug}".`);
    // The definition is stored as text already; splice it in rather than parse and re-encode.
    const head = JSON.stringify({ slug: survey.slug, version: survey.version, title: survey.title });
    return new Response(`${head.slice(0, -1)},"definition":${survey.definition}}`, {
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' },
    });
  } catch (err) {
    return internalError(err, 'GET /api/surveys');
  }
}

export const POST = methodNotAllowed('GET');

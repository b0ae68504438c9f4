import { z } from 'zod';

import { getDb } from '@/db';
import { getConfig } from '@/lib/config';
import { badRequest, internalError, notFound } from '@/lib/http/errors';
import { localDay, quarterOf } from '@/lib/time/local';
import { cachedPublicResults, publicContract } from '@/server/public-results';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, 'must look like 2026-Q3')
    .optional(),
  survey: z.string().trim().min(1).max(64).optional(),
});

/** The figures /ket-qua publishes, as open data: no login, cached five minutes. */
export async function GET(request: Request): Promise<Response> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = querySchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return badRequest('invalid_query', `${issue.path.join('.') || 'query'}: ${issue.message}`);
  }
  const quarter = parsed.data.quarter ?? quarterOf(localDay(Date.now()));
  const survey = parsed.data.survey ?? 'sipas';
  try {
    const { MIN_RESPONSES, SATISFACTION_TARGET } = getConfig();
    const page = await cachedPublicResults(getDb(), {
      quarter,
      survey,
      minResponses: MIN_RESPONSES,
      target: SATISFACTION_TARGET,
    });
    if (page === null) return notFound('unknown_survey', `No published survey "${survey}".`);
    return Response.json(publicContract(page), { headers: { 'cache-control': 'public, max-age=300' } });
  } catch (cause) {
    return internalError(cause, 'GET /api/public-results');
  }
}

import { getDb } from '@/db';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { getConfig } from '@/lib/config';
import { internalError } from '@/lib/http/errors';
import { clientKey, rateLimitKey } from '@/server/client-key';
import { ingestFormResponse } from '@/server/form-response';
import { appSecret } from '@/server/secret';

const rateRule = { limit: getConfig().RATE_LIMIT_PER_MINUTE, windowMs: 60_000 };
const KEPT = ['survey', 'procedure', 'dossier', 'sig', 'officer', 'lang'] as const;

/**
 * POST /s/{point}/answer: the survey page's plain form, for a phone without JavaScript. Answers
 * with a redirect (post/redirect/get): to the thank-you page, or back to the survey with the
 * reason, so a reload never sends twice.
 */
export async function POST(request: Request, { params }: { params: Promise<{ point: string }> }): Promise<Response> {
  const now = Date.now();
  const secret = appSecret();
  const point = decodeURIComponent((await params).point);
  const base = `/s/${encodeURIComponent(point)}`;
  const fields = await request.formData().catch(() => new FormData());
  const back = new URLSearchParams();
  for (const name of KEPT) {
    const v = fields.get(name);
    if (typeof v === 'string' && v !== '') back.set(name, v);
  }
  if (fields.get('channel') === 'web') back.set('c', 'web');

  const rate = await hitRateLimit(getDb(), 'responses', rateLimitKey(request.headers, secret), rateRule, now);
  if (!rate.allowed) return redirect(`${base}?${withError(back, 'rate_limited')}`);

  try {
    const outcome = await ingestFormResponse(getDb(), {
      point,
      fields,
      receivedAt: now,
      clientKey: clientKey(request.headers, secret, now),
      secret,
    });
    if (!outcome.ok) return redirect(`${base}?${withError(back, outcome.code)}`);
    const thanks = new URLSearchParams({ r: outcome.id });
    if (back.get('lang') === 'en') thanks.set('lang', 'en');
    return redirect(`${base}/cam-on?${thanks}`);
  } catch (err) {
    return internalError(err, 'POST /s/[point]/answer');
  }
}

function withError(q: URLSearchParams, code: string): string {
  const out = new URLSearchParams(q);
  out.set('loi', code);
  return out.toString();
}

// A relative Location: behind a proxy, request.url names the internal host, not the citizen's.
const redirect = (path: string) => new Response(null, { status: 303, headers: { location: path } });

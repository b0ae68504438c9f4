import { z } from 'zod';

import { getDb } from '@/db';
import { badRequest, internalError } from '@/lib/http/errors';
import { searchPublished } from '@/server/procedures/catalogue';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  q: z.string().max(200).optional(),
  sector: z.string().max(200).optional(),
  point: z.string().max(40).optional(),
});

/**
 * The published catalogue, public: `q` (words, with or without diacritics, in the code, name or
 * sector), `sector` (exact), `point` (a desk's procedures). Each match is the record in effect,
 * with its version, the day it took effect, whether it is illustrative demo data, and its desks.
 * Cached five minutes by browsers and proxies; the server reads from its own one-minute cache.
 */
export async function GET(request: Request): Promise<Response> {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return badRequest('invalid_query', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  try {
    const { items, sectors } = await searchPublished(getDb(), parsed.data);
    const procedures = items.map(({ record, version, effectiveFrom, illustrative, points }) => ({
      ...record,
      version,
      effectiveFrom: effectiveFrom || null,
      illustrative,
      points,
    }));
    return Response.json(
      { count: procedures.length, sectors, procedures },
      { headers: { 'cache-control': 'public, max-age=300' } },
    );
  } catch (cause) {
    return internalError(cause, 'GET /api/procedures');
  }
}

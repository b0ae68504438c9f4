import { readBodyBytes } from '@/lib/http/body';
import { methodNotAllowed } from '@/lib/http/errors';
import { handleIngest, type IngestReply, type IngestRequest } from '@/server/ingest-route';

/** POST /api/responses (docs/contracts.md): validate, then store exactly once (server/ingest-route.ts). */
export async function POST(request: Request): Promise<Response> {
  return asResponse(await handleIngest(fromWebRequest(request)));
}

function fromWebRequest(request: Request): IngestRequest {
  return {
    headers: request.headers,
    readBody: (maxBytes) => readBodyBytes(request, maxBytes),
    webRequest: () => request,
  };
}

function asResponse(reply: IngestReply): Response {
  return reply instanceof Response
    ? reply
    : Response.json(reply.body, { status: reply.status, headers: reply.headers });
}

export const GET = methodNotAllowed('POST');

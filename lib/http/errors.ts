// Every error leaves as { error: { code, message } } (docs/contracts.md) through these helpers, so no
// route invents its own shape.

export type ErrorBody = { error: { code: string; message: string } };

export function errorResponse(status: number, code: string, message: string, headers?: HeadersInit): Response {
  const body: ErrorBody = { error: { code, message } };
  return Response.json(body, { status, headers });
}

export const badRequest = (code: string, message: string) => errorResponse(400, code, message);
export const unauthorized = (code: string, message: string) => errorResponse(401, code, message);
export const forbidden = (code: string, message: string) => errorResponse(403, code, message);
export const notFound = (code: string, message: string) => errorResponse(404, code, message);
export const conflict = (code: string, message: string) => errorResponse(409, code, message);
export const tooManyRequests = (retryAfterSeconds: number) =>
  errorResponse(429, 'rate_limited', `Too many requests; try again in ${retryAfterSeconds} s.`, {
    'Retry-After': String(retryAfterSeconds),
  });

/** A handler for the methods a route does not take: 405 with the envelope and an Allow header. */
export function methodNotAllowed(...allowed: string[]): () => Response {
  return () =>
    errorResponse(405, 'method_not_allowed', `This address takes ${allowed.join(' or ')} only.`, {
      Allow: allowed.join(', '),
    });
}

/** Logs the cause for operators and answers with a message that reveals nothing internal. */
export function internalError(cause: unknown, where: string): Response {
  console.error(`[${where}]`, cause);
  return errorResponse(500, 'internal_error', 'Something went wrong on our side; please try again.');
}

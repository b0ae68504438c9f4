import { randomUUID } from 'node:crypto';

/** A POST /api/responses request as a phone would send it. */
export function jsonRequest(body: unknown, init: { headers?: Record<string, string>; raw?: string } = {}): Request {
  return new Request('http://localhost/api/responses', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hailong-client-address': '203.0.113.7', ...init.headers },
    body: init.raw ?? JSON.stringify(body),
  });
}

export function quickResponse(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    survey: 'quick',
    point: 'TTHCC-Q01',
    channel: 'qr',
    answers: { satisfaction: 3 },
    ...overrides,
  };
}

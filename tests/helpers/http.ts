import { randomUUID } from 'node:crypto';

import { signDossier } from '@/lib/qr/links';

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

/** The `dossierSignature` a receipt's QR link gives a phone, made with the tests' APP_SECRET. */
export function dossierSignature(ref: { point?: string; dossier: string; procedure?: string }): string {
  return signDossier(process.env.APP_SECRET!, {
    point: ref.point ?? 'TTHCC-Q01',
    dossier: ref.dossier,
    procedure: ref.procedure,
  });
}

/** A phone's response from a receipt link: the dossier and its signature. */
export function dossierResponse(overrides: Record<string, unknown> & { dossier: string }) {
  const body = quickResponse(overrides);
  const ref = {
    point: String(body.point),
    dossier: overrides.dossier,
    procedure: overrides.procedure as string | undefined,
  };
  return { ...body, dossierSignature: dossierSignature(ref) };
}

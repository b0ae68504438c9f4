import { createHmac, timingSafeEqual } from 'node:crypto';

// What the QR codes encode: a desk's link, its procedure list, and a per-dossier link printed on the
// receipt, signed so that nobody can rate (and so use up) a dossier that is not theirs.

/** `officer`: the id of the officer who received the dossier (OFFICER_RATINGS), when the link names one. */
export type DossierRef = { point: string; dossier: string; procedure?: string; officer?: number };

/**
 * The one spelling of a dossier number: compatibility forms folded (NFKC, so a full-width
 * `Ｈ19` is `H19`), surrounding space trimmed, upper case. Signing, checking a signature and the
 * one-rating rule all see this form, so a look-alike cannot count as another dossier.
 */
export function normalizeDossier(raw: string): string {
  return raw.normalize('NFKC').trim().toUpperCase();
}

// 128 bits of HMAC-SHA256: unforgeable, and short enough to keep the printed code coarse.
const SIGNATURE_BYTES = 16;

/**
 * The exact bytes signed; a version prefix lets the format change without accepting old forgeries.
 * The officer is a fifth line only when the link names one, so every link printed without one keeps
 * its signature, and a signature made without an officer does not cover a link that adds one.
 */
export function dossierPayload({ point, dossier, procedure, officer }: DossierRef): string {
  const lines = ['hailong-dossier-v1', point, normalizeDossier(dossier), procedure ?? ''];
  if (officer !== undefined) lines.push(`officer:${officer}`);
  return lines.join('\n');
}

export function signDossier(secret: string, ref: DossierRef): string {
  return createHmac('sha256', secret)
    .update(dossierPayload(ref))
    .digest()
    .subarray(0, SIGNATURE_BYTES)
    .toString('base64url');
}

/** True only for the signature this secret makes for exactly this desk, dossier, procedure and officer. */
export function verifyDossier(secret: string, ref: DossierRef, signature: string | undefined | null): boolean {
  if (!signature || !/^[A-Za-z0-9_-]{1,64}$/.test(signature)) return false;
  const given = Buffer.from(signature, 'base64url');
  const expected = Buffer.from(signDossier(secret, ref), 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The phone page of a desk: what the poster's QR code opens. */
export function pointUrl(baseUrl: string, point: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/s/${encodeURIComponent(point)}`;
}

/** The desk's own procedure list: what the poster's second QR code opens. */
export function procedureListUrl(baseUrl: string, point: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/thu-tuc?point=${encodeURIComponent(point)}`;
}

/** The phone page for one dossier, signed: what the receipt's QR code opens. */
export function dossierUrl(baseUrl: string, secret: string, ref: DossierRef): string {
  const q = new URLSearchParams({ dossier: normalizeDossier(ref.dossier) });
  if (ref.procedure) q.set('procedure', ref.procedure);
  if (ref.officer !== undefined) q.set('officer', String(ref.officer));
  q.set('sig', signDossier(secret, ref));
  return `${pointUrl(baseUrl, ref.point)}?${q.toString()}`;
}

/** The address printed under a poster's code, without the scheme, for people who type it. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

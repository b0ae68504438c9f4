import { createHmac } from 'node:crypto';

import { describe, expect, test } from 'vitest';

import { dossierUrl, normalizeDossier, pointUrl, shortUrl, signDossier, verifyDossier } from './links';

const SECRET = 'unit-test-secret-0123456789';
const REF = { point: 'TTHCC-Q01', dossier: 'H19.20-250310-0042', procedure: '1.013236' };

describe('per-dossier links', () => {
  test('a signature verifies for exactly what was signed', () => {
    const sig = signDossier(SECRET, REF);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{22}$/); // 16 bytes in base64url
    expect(verifyDossier(SECRET, REF, sig)).toBe(true);
  });

  test.each([
    ['another dossier', { ...REF, dossier: 'H19.20-250310-0043' }],
    ['another desk', { ...REF, point: 'TTHCC-Q02' }],
    ['another procedure', { ...REF, procedure: '1.013237' }],
    ['the procedure dropped', { point: REF.point, dossier: REF.dossier }],
  ])('is refused for %s', (_what, altered) => {
    expect(verifyDossier(SECRET, altered, signDossier(SECRET, REF))).toBe(false);
  });

  test.each([
    [undefined],
    [null],
    [''],
    ['not base64!'],
    ['AAAAAAAAAAAAAAAAAAAAAA'],
    [signDossier('another-secret-0123456789', REF)],
  ])('refuses the forged or missing signature %j', (sig) => {
    expect(verifyDossier(SECRET, REF, sig)).toBe(false);
  });

  test('a field cannot be shifted into its neighbour', () => {
    // "A\nB" + "" must not sign the same as "A" + "B": the separator cannot occur in a code.
    const a = signDossier(SECRET, { point: 'P', dossier: 'D', procedure: 'X' });
    expect(verifyDossier(SECRET, { point: 'P', dossier: 'DX' }, a)).toBe(false);
  });

  test('urls: desk link, signed dossier link, short form', () => {
    expect(pointUrl('https://hailong.example.gov.vn/', 'TTHCC-Q01')).toBe('https://hailong.example.gov.vn/s/TTHCC-Q01');
    const url = new URL(dossierUrl('https://hailong.example.gov.vn', SECRET, REF));
    expect(url.pathname).toBe('/s/TTHCC-Q01');
    expect(url.searchParams.get('dossier')).toBe(REF.dossier);
    expect(url.searchParams.get('procedure')).toBe(REF.procedure);
    expect(verifyDossier(SECRET, REF, url.searchParams.get('sig'))).toBe(true);
    expect(shortUrl('https://hailong.example.gov.vn/s/TTHCC-Q01')).toBe('hailong.example.gov.vn/s/TTHCC-Q01');
  });
});

describe('the officer who received the dossier', () => {
  const WITH = { ...REF, officer: 7 };

  test('a link printed before officers existed keeps its signature', () => {
    // The v1 bytes exactly as they were signed before the officer line was added.
    const old = createHmac('sha256', SECRET)
      .update(['hailong-dossier-v1', REF.point, REF.dossier, REF.procedure].join('\n'))
      .digest()
      .subarray(0, 16)
      .toString('base64url');
    expect(signDossier(SECRET, REF)).toBe(old);
    expect(verifyDossier(SECRET, REF, old)).toBe(true);
  });

  test.each([
    ['added to a link signed without one', REF, WITH],
    ['changed', WITH, { ...REF, officer: 8 }],
    ['dropped', WITH, REF],
  ])('the signature is refused when the officer is %s', (_what, signed, given) => {
    expect(verifyDossier(SECRET, given, signDossier(SECRET, signed))).toBe(false);
  });

  test('the link carries officer=<id> under the signature', () => {
    const url = new URL(dossierUrl('https://x.example', SECRET, WITH));
    expect(url.searchParams.get('officer')).toBe('7');
    expect(verifyDossier(SECRET, WITH, url.searchParams.get('sig'))).toBe(true);
    expect(new URL(dossierUrl('https://x.example', SECRET, REF)).searchParams.has('officer')).toBe(false);
  });
});

describe('dossier numbers have one spelling', () => {
  test.each([
    ['H19.20-250310-0042', 'H19.20-250310-0042'],
    ['  h19.20-250310-0042\t', 'H19.20-250310-0042'],
    // Full-width look-alikes (what a phone keyboard in CJK mode types) fold to ASCII.
    ['Ｈ１９．２０－２５０３１０－００４２', 'H19.20-250310-0042'],
    ['ｈ19.20-250310-0042', 'H19.20-250310-0042'],
  ])('%j is %j', (raw, normal) => {
    expect(normalizeDossier(raw)).toBe(normal);
  });

  test('a signature covers every spelling of its dossier, and the link carries the normal one', () => {
    const sig = signDossier(SECRET, { ...REF, dossier: 'h19.20-250310-0042' });
    expect(verifyDossier(SECRET, { ...REF, dossier: 'Ｈ19.20-250310-0042' }, sig)).toBe(true);
    expect(
      new URL(dossierUrl('https://x.example', SECRET, { ...REF, dossier: ' h19.20-250310-0042' })).searchParams.get(
        'dossier',
      ),
    ).toBe(REF.dossier);
  });
});

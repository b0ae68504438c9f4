import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { GET } from '@/app/api/qr/[file]/route';
import { createApiToken } from '@/db/queries/api-tokens';
import { getConfig } from '@/lib/config';
import { verifyDossier } from '@/lib/qr/links';
import { appSecret } from '@/server/secret';
import { hashToken, newSecretToken } from '@/server/secrets';
import { createTestDb, type TestDb } from '@/tests/helpers/db';

let t: TestDb;
let adminToken: string;
beforeAll(async () => {
  t = await createTestDb();
  adminToken = newSecretToken('hl_');
  await createApiToken(
    t.db,
    { name: 'receipts', tokenHash: hashToken(adminToken), role: 'admin', unitId: null },
    { userId: null, label: 'test' },
  );
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => {
  const url = new URL(path, 'http://localhost');
  const file = url.pathname.split('/').pop()!;
  return GET(new Request(url, { headers }), { params: Promise.resolve({ file }) });
};

async function decodePng(res: Response): Promise<string | null> {
  const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('GET /api/qr/{point}.png|.svg', () => {
  test('the PNG decodes to the desk phone page under PUBLIC_BASE_URL', async () => {
    const res = await get('/api/qr/TTHCC-Q01.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(await decodePng(res)).toBe(`${getConfig().publicBaseUrl}/s/TTHCC-Q01`);
  });

  test('the SVG is an SVG image', async () => {
    const res = await get('/api/qr/TTHCC-Q03.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await res.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  test.each([
    ['/api/qr/QUAY-KHONG-CO.png', 404, 'unknown_point'],
    ['/api/qr/TTHCC-Q01.gif', 404, 'unknown_format'],
    ['/api/qr/TTHCC-Q01.png?procedure=1.013236', 400, 'invalid_query'],
    ['/api/qr/TTHCC-Q01.png?dossier=%3Cscript%3E', 400, 'invalid_query'],
  ])('%s → %i %s', async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  });

  test('a per-dossier code needs an administrator (signing is the trust)', async () => {
    const res = await get('/api/qr/TTHCC-Q01.png?dossier=H19.20-250310-0042');
    expect(res.status).toBe(401);
  });

  test('a per-dossier code decodes to a signed link that verifies, and fails once altered', async () => {
    const res = await get('/api/qr/TTHCC-Q01.png?dossier=H19.20-250310-0042&procedure=1.013236', {
      authorization: `Bearer ${adminToken}`,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const url = new URL((await decodePng(res))!);
    expect(`${url.origin}${url.pathname}`).toBe(`${getConfig().publicBaseUrl}/s/TTHCC-Q01`);
    const ref = {
      point: 'TTHCC-Q01',
      dossier: url.searchParams.get('dossier')!,
      procedure: url.searchParams.get('procedure')!,
    };
    expect(ref).toEqual({ point: 'TTHCC-Q01', dossier: 'H19.20-250310-0042', procedure: '1.013236' });
    const sig = url.searchParams.get('sig');
    expect(verifyDossier(appSecret(), ref, sig)).toBe(true);
    expect(verifyDossier(appSecret(), { ...ref, dossier: 'H19.20-250310-0043' }, sig)).toBe(false);
  });

  test('a per-dossier code for an unknown procedure is 404', async () => {
    const res = await get('/api/qr/TTHCC-Q01.svg?dossier=H1&procedure=9.999999', {
      authorization: `Bearer ${adminToken}`,
    });
    expect(res.status).toBe(404);
  });
});

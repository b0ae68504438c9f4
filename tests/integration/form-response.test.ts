import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, expect, test } from 'vitest';

import { findSurveyVersion } from '@/db/queries/surveys';
import { ingestFormResponse } from '@/server/form-response';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { dossierSignature } from '@/tests/helpers/http';

// A citizen who answers a dossier link before the page's JavaScript has loaded posts the plain
// form: the receipt's signature travels with it and ingest checks it as for the JSON API.

let t: TestDb;
let version = 0;
beforeAll(async () => {
  t = await createTestDb();
  version = (await findSurveyVersion(t.db, { slug: 'quick' }))!.version;
});
afterAll(() => t.close());

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

const post = (fields: Record<string, string>) =>
  ingestFormResponse(t.db, {
    point: 'TTHCC-Q01',
    fields: form({
      id: randomUUID(),
      survey: 'quick',
      surveyVersion: String(version),
      channel: 'qr',
      'q:satisfaction': '3',
      ...fields,
    }),
    receivedAt: Date.now(),
    clientKey: null,
    secret: process.env.APP_SECRET!,
  });

test('a signed dossier link is taken from the plain form, its number normalised', async () => {
  const dossier = 'H19.20-261203-0999';
  const outcome = await post({ dossier: dossier.toLowerCase(), sig: dossierSignature({ dossier }) });
  expect(outcome).toMatchObject({ ok: true });
  expect(await t.count('responses')).toBe(1);
});

test('without the signature, or with a forged one, it is refused and nothing is stored', async () => {
  const forged: Record<string, string>[] = [
    { dossier: 'H19.20-261203-0998' },
    { dossier: 'H19.20-261203-0998', sig: 'forged' },
  ];
  for (const fields of forged) {
    expect(await post(fields)).toMatchObject({ ok: false, code: 'dossier_forged' });
  }
  expect(await t.count('responses')).toBe(1);
});

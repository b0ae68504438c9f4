import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { servicePoints } from '@/db/schema';
import { importSurvey } from '@/server/seed';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest } from '@/tests/helpers/http';
import { SURVEY_CORPUS } from '@/tests/fixtures/survey-corpus';

// The SurveyJS corpus (tests/fixtures/surveys): every survey imports, each valid answer set is
// accepted and stored exactly (hidden answers dropped where a set says so), each invalid set is
// a 422 that stores nothing.

const corpus = SURVEY_CORPUS;

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  for (const { slug, file, survey } of corpus) await importSurvey(t.db, { slug, json: survey, source: file });
  // An imported survey is answerable only at the desks that offer it (lib/survey/offered.ts).
  await t.db
    .update(servicePoints)
    .set({ offeredSurveys: corpus.map((c) => c.slug).join(',') })
    .where(eq(servicePoints.code, 'TTHCC-Q01'));
});
afterAll(() => t.close());

const post = (survey: string, answers: unknown, id = randomUUID()) =>
  POST(
    jsonRequest(
      { id, survey, point: 'TTHCC-Q01', channel: 'web', answers },
      { headers: { 'x-hailong-client-address': `198.51.100.${Math.floor(Math.random() * 250)}` } },
    ),
  );

test('the corpus has at least 12 surveys, each with valid and invalid answer sets', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(12);
  for (const c of corpus) {
    expect(c.valid.length, c.file).toBeGreaterThan(0);
    expect(c.invalid.length, c.file).toBeGreaterThan(0);
  }
});

describe.each(corpus)('$file', ({ slug, valid, invalid }) => {
  test.each(valid)('accepts and stores exactly: $name', async ({ answers, stored, scored }) => {
    const id = randomUUID();
    const res = await post(slug, answers, id);
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    const [row] = await t.all<{ answers: string }>(sql`SELECT answers FROM responses WHERE id = ${id}`);
    expect(JSON.parse(row!.answers)).toEqual(stored ?? answers);
    if (scored !== undefined) {
      const [count] = await t.all<{ n: number }>(sql`SELECT count(*) AS n FROM answers WHERE response_id = ${id}`);
      expect(Number(count!.n)).toBe(scored);
    }
  });

  test.each(invalid)('refuses with 422, storing nothing: $name', async ({ answers }) => {
    const before = await t.count('responses');
    const res = await post(slug, answers);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toMatch(/^(invalid_answers|no_answer)$/);
    expect(await t.count('responses')).toBe(before);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { GET } from '@/app/api/surveys/[slug]/route';
import { importSurvey, seedIfEmpty, seedReferenceData, seedSurveys } from '@/db/seed';
import { findSurveyVersion } from '@/db/queries/surveys';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import quick from '@/surveys/quick.json';

let t: TestDb;
beforeAll(() => {
  t = createTestDb();
});
afterAll(() => t.close());

const get = (slug: string) => GET(new Request(`http://localhost/api/surveys/${slug}`), { params: Promise.resolve({ slug }) });

describe('GET /api/surveys/{slug}', () => {
  test('answers the published version with its definition', async () => {
    const res = await get('quick');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ slug: 'quick', version: 1 });
    expect(typeof body.title).toBe('string');
    expect(body.definition).toEqual(JSON.parse(JSON.stringify(quick)));
  });

  test('an unknown survey is a 404 with the error envelope', async () => {
    const res = await get('nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('unknown_survey');
  });
});

describe('seeding and survey versions', () => {
  test('seeding again changes nothing', () => {
    const before = ['units', 'service_points', 'procedures', 'point_procedures', 'survey_versions'].map(t.count);
    expect(seedIfEmpty(t.db)).toBe(false);
    seedReferenceData(t.db);
    seedSurveys(t.db);
    expect(['units', 'service_points', 'procedures', 'point_procedures', 'survey_versions'].map(t.count)).toEqual(before);
    expect(before.slice(0, 3)).toEqual([9, 7, 28]);
  });

  test('a changed definition becomes a new immutable version; the old one stays', () => {
    const changed = { ...quick, title: { default: 'Đánh giá nhanh (mới)', en: 'Quick rating (new)' } };
    const imported = importSurvey(t.db, { slug: 'quick', json: changed, source: 'test' });
    expect(imported).toMatchObject({ version: 2, created: true, published: true });
    expect(findSurveyVersion(t.db, { slug: 'quick' })?.version).toBe(2);
    expect(findSurveyVersion(t.db, { slug: 'quick', version: 1 })?.definition).toContain('"satisfaction"');
    // The same file again makes no third version.
    expect(importSurvey(t.db, { slug: 'quick', json: changed, source: 'test' })).toMatchObject({ version: 2, created: false });
  });

  test('an invalid survey is refused with its source and path, and nothing is stored', () => {
    const before = t.count('survey_versions');
    expect(() =>
      importSurvey(t.db, { slug: 'broken', json: { pages: [{ elements: [{ type: 'radiogroup' }] }] }, source: 'broken.json' }),
    ).toThrow(/broken\.json/);
    expect(t.count('survey_versions')).toBe(before);
  });
});

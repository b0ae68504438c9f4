import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { GET } from '@/app/api/surveys/[slug]/route';
import { importSurvey, seedIfEmpty, seedReferenceData, seedSurveys } from '@/server/seed';
import { findSurveyVersion } from '@/db/queries/surveys';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import quick from '@/surveys/quick.json';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const get = (slug: string) =>
  GET(new Request(`http://localhost/api/surveys/${slug}`), { params: Promise.resolve({ slug }) });

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
  test('seeding again changes nothing', async () => {
    const tables = ['units', 'service_points', 'procedures', 'point_procedures', 'survey_versions'];
    const counts = () => Promise.all(tables.map((name) => t.count(name)));
    const before = await counts();
    expect(await seedIfEmpty(t.db)).toBe(false);
    await seedReferenceData(t.db);
    await seedSurveys(t.db);
    expect(await counts()).toEqual(before);
    expect(before.slice(0, 3)).toEqual([9, 7, 28]);
  });

  test('a changed definition becomes a new immutable version; the old one stays', async () => {
    const changed = { ...quick, title: { default: 'Đánh giá nhanh (mới)', en: 'Quick rating (new)' } };
    const imported = await importSurvey(t.db, { slug: 'quick', json: changed, source: 'test' });
    expect(imported).toMatchObject({ version: 2, created: true, published: true });
    expect((await findSurveyVersion(t.db, { slug: 'quick' }))?.version).toBe(2);
    expect((await findSurveyVersion(t.db, { slug: 'quick', version: 1 }))?.definition).toContain('"satisfaction"');
    // The same file again makes no third version.
    expect(await importSurvey(t.db, { slug: 'quick', json: changed, source: 'test' })).toMatchObject({
      version: 2,
      created: false,
    });
  });

  test('an invalid survey is refused with its source and path, and nothing is stored', async () => {
    const before = await t.count('survey_versions');
    await expect(
      importSurvey(t.db, {
        slug: 'broken',
        json: { pages: [{ elements: [{ type: 'radiogroup' }] }] },
        source: 'broken.json',
      }),
    ).rejects.toThrow(/broken\.json/);
    expect(await t.count('survey_versions')).toBe(before);
  });
});

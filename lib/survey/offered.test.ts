import { describe, expect, test } from 'vitest';

import { offeredSurveys, offersSurvey, SHIPPED_SURVEYS, storedOffer } from './offered';

const desk = { phoneSurvey: 'quick', kioskSurvey: 'quick', offeredSurveys: null };

describe('surveys a desk offers', () => {
  test("by default: every survey that ships, and the desk's own", () => {
    expect(offeredSurveys(desk)).toEqual(['quick', 'sipas']);
    expect(offeredSurveys({ ...desk, kioskSurvey: 'imported' })).toEqual(['imported', 'quick', 'sipas']);
    expect(offersSurvey(desk, 'other')).toBe(false);
  });

  test("an administrator's list narrows or extends it, never below the desk's own surveys", () => {
    expect(offeredSurveys({ ...desk, offeredSurveys: 'quick' })).toEqual(['quick']);
    expect(offersSurvey({ ...desk, offeredSurveys: 'quick' }, 'sipas')).toBe(false);
    expect(offeredSurveys({ ...desk, offeredSurveys: 'local-2026,sipas' })).toEqual(['local-2026', 'quick', 'sipas']);
  });

  test.each([
    [[], null],
    [[' ', ''], null],
    [['sipas', 'quick', 'sipas'], 'quick,sipas'],
  ])('stores %j as %j', (slugs, stored) => {
    expect(storedOffer(slugs)).toBe(stored);
  });

  test('the shipped list is the surveys/ folder', async () => {
    const { loadBundledSurveys } = await import('@/surveys/index');
    expect(
      loadBundledSurveys()
        .map((s) => s.slug)
        .sort(),
    ).toEqual([...SHIPPED_SURVEYS].sort());
  });
});

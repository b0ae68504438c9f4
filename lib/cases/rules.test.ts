import { describe, expect, test } from 'vitest';

import { parseSurveyDefinition } from '@/lib/survey/definition';
import { loadBundledSurveys } from '@/surveys';

import { caseReasons, caseRulesOf } from './rules';

const bundled = Object.fromEntries(loadBundledSurveys().map((s) => [s.slug, caseRulesOf(s.definition)]));

describe('the bundled surveys open a case', () => {
  test.each([
    ['quick', { satisfaction: 1, reasons: ['time'] }, ['dissatisfied']],
    ['quick', { satisfaction: 2 }, []],
    ['quick', { satisfaction: 3, comment: 'Tốt', complaint: true }, ['complaint']],
    ['quick', { satisfaction: 1, complaint: true }, ['dissatisfied', 'complaint']],
    ['sipas', { overall: 2 }, ['dissatisfied']],
    ['sipas', { overall: 1, q_staff_polite: 5 }, ['dissatisfied']],
    ['sipas', { overall: 3, q_staff_polite: 1 }, []], // one low criterion is an index matter, not a case
    ['sipas', { overall: 4, complaint: false }, []],
    ['sipas', { overall: 5, complaint: true }, ['complaint']],
  ])('%s %j → %j', (slug, answers, expected) => {
    expect(caseReasons(bundled[slug]!, answers)).toEqual(expected);
  });
});

test('rules come from any survey’s annotations', () => {
  const def = parseSurveyDefinition(
    {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10, caseAtOrBelow: 3 },
            { type: 'boolean', name: 'escalate', marksComplaint: true },
          ],
        },
      ],
    },
    'inline',
  );
  const rules = caseRulesOf(def);
  expect(rules).toEqual({ thresholds: [{ question: 'nps', atOrBelow: 3 }], complaintFlags: ['escalate'] });
  expect(caseReasons(rules, { nps: 3 })).toEqual(['dissatisfied']);
  expect(caseReasons(rules, { nps: 4, escalate: true })).toEqual(['complaint']);
  expect(caseReasons(rules, { nps: '1' })).toEqual([]); // answers are typed after validation
});

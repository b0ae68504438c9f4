import { Serializer } from 'survey-core';

/**
 * The scoring annotations of README, Architecture as SurveyJS custom properties, so that a `Model` (and
 * SurveyJS Creator) keeps them when it loads or serializes a survey instead of dropping them:
 * - survey `dimensions: [{ name, title }]`
 * - question `dimension: "<name>"` and `satisfiedFrom: <lowest value counted as satisfied>`
 * - question `outcome: true`: the overall rating that improvement priorities explain by the criteria
 *
 * Idempotent: every lib/survey module that builds a Model calls it at load, and the Serializer
 * is global to the survey-core instance.
 */
export function registerScoringProperties(): void {
  // `dimensions` has no SurveyJS class: the array of { name, title } is kept as plain JSON.
  if (!Serializer.findProperty('survey', 'dimensions')) {
    Serializer.addProperty('survey', { name: 'dimensions', category: 'scoring', isSerializable: true });
  }
  if (!Serializer.findProperty('question', 'dimension')) {
    Serializer.addProperty('question', { name: 'dimension', category: 'scoring' });
  }
  if (!Serializer.findProperty('question', 'caseAtOrBelow')) {
    Serializer.addProperty('question', { name: 'caseAtOrBelow:number', category: 'cases' });
  }
  if (!Serializer.findProperty('question', 'marksComplaint')) {
    Serializer.addProperty('question', { name: 'marksComplaint:boolean', category: 'cases' });
  }
  if (!Serializer.findProperty('question', 'outcome')) {
    Serializer.addProperty('question', { name: 'outcome:boolean', category: 'scoring' });
  }
  // The question's wording on a desk's tablet (lib/survey/kiosk-wording.ts), plain JSON per locale.
  if (!Serializer.findProperty('question', 'kioskTitle')) {
    Serializer.addProperty('question', { name: 'kioskTitle', category: 'kiosk', isSerializable: true });
  }
  if (!Serializer.findProperty('question', 'satisfiedFrom')) {
    Serializer.addProperty('question', { name: 'satisfiedFrom:number', category: 'scoring' });
  }
}

import { Model, Serializer } from 'survey-core';
import { expect, test } from 'vitest';

import { registerScoringProperties } from './properties';

test('registering twice adds each property once', () => {
  registerScoringProperties();
  registerScoringProperties();
  const names = (className: string) => Serializer.getProperties(className).map((p) => p.name);
  expect(names('survey').filter((n) => n === 'dimensions')).toHaveLength(1);
  expect(names('radiogroup').filter((n) => n === 'dimension')).toHaveLength(1);
  expect(names('rating').filter((n) => n === 'satisfiedFrom')).toHaveLength(1);
});

test('a Model keeps the scoring annotations and serializes them back', () => {
  registerScoringProperties();
  const json = {
    dimensions: [{ name: 'service', title: { default: 'Dịch vụ', en: 'Service' } }],
    pages: [{ name: 'p', elements: [{ type: 'rating', name: 'q', dimension: 'service', satisfiedFrom: 4 }] }],
  };
  const model = new Model(json);
  const question = model.getQuestionByName('q');
  expect(question.getPropertyValue('dimension')).toBe('service');
  expect(question.getPropertyValue('satisfiedFrom')).toBe(4);
  expect(model.toJSON()).toMatchObject(json);
});

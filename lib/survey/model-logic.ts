import { Model } from 'survey-core';

import type { SurveyDefinition } from './definition-schema';
import { registerScoringProperties } from './properties';
import { otherTextIssue, requiredIssue, type SurveyLogic } from './survey-logic';
import type { AnswerIssue } from './types';

registerScoringProperties();

/**
 * SurveyLogic by SurveyJS's own Model: exact for every feature, but about 2 ms a call on the
 * SIPAS survey, so it serves only surveys that the condition engine does not model. One Model
 * per survey version, reset on every call.
 */
export function createModelLogic(def: SurveyDefinition): SurveyLogic {
  const model = new Model(def);
  // Texts of SurveyJS validators are passed on, and the API speaks English.
  model.locale = 'en';
  let loaded: Readonly<Record<string, unknown>> | null = null;

  function load(values: Readonly<Record<string, unknown>>): void {
    if (loaded === values) return;
    // Values, comments, errors, variables set by triggers: nothing survives from the last call.
    model.clear(true, true);
    model.data = values;
    loaded = values;
  }

  return {
    engine: 'model',
    visibleQuestions(values) {
      load(values);
      return new Set(model.getAllQuestions(true).map((q) => q.name));
    },
    surveyIssues(values) {
      load(values);
      loaded = null;
      if (model.validate(true, false)) return [];
      return model.getAllQuestions(true).flatMap((q) =>
        q.errors.map((error): AnswerIssue => {
          const type = error.getErrorType();
          if (type === 'required') return requiredIssue(q.name);
          if (type === 'otherempty') return otherTextIssue(q.name);
          return { question: q.name, code: 'invalid_answer', message: `${q.name}: ${error.getText()}` };
        }),
      );
    },
  };
}

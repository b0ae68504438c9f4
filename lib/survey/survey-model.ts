import { Model, settings } from 'survey-core';

import type { SurveyDefinition } from './definition-schema';
import { registerScoringProperties } from './properties';

registerScoringProperties();

/** The key SurveyJS stores a question's comment or "other" text under: `<value key>-Comment`. */
export const COMMENT_SUFFIX: string = settings.commentSuffix;

/**
 * survey-core's model of a survey, as the server uses it: pure JavaScript, no DOM. The page
 * layout (`questionsOnPageMode`) is dropped: it changes how the renderer pages the questions, not
 * what a complete response must satisfy, and in "questionPerPage" mode `validate()` checks only
 * the question on screen. Messages are English, the API's language.
 */
export function createSurveyModel(def: SurveyDefinition): Model {
  const { questionsOnPageMode: _layout, ...json } = def as SurveyDefinition & { questionsOnPageMode?: unknown };
  const model = new Model(json);
  model.locale = 'en';
  return model;
}

import type { AnswerIssue } from './types';

/**
 * What depends on the answers as a whole rather than on one answer: which questions are visible,
 * which are required, and the survey's own validators. Two implementations agree on this (a
 * parity test holds them to it): SurveyJS's Model itself, and a fast one that runs SurveyJS's
 * condition engine over the JSON and serves surveys that use only what it models.
 */
export interface SurveyLogic {
  readonly engine: 'conditions' | 'model';
  /** The names of the questions visible given these answers. */
  visibleQuestions(values: Readonly<Record<string, unknown>>): ReadonlySet<string>;
  /** What SurveyJS reports for these answers, all of them to visible questions. */
  surveyIssues(values: Readonly<Record<string, unknown>>): AnswerIssue[];
}

export function requiredIssue(question: string): AnswerIssue {
  return { question, code: 'required_missing', message: `${question}: an answer is required` };
}

export function otherTextIssue(question: string): AnswerIssue {
  return {
    question,
    code: 'required_missing',
    message: `${question}: the "other" choice needs its text in ${question}-Comment`,
  };
}

export function isOtherChosen(value: unknown): boolean {
  return value === 'other' || (Array.isArray(value) && value.includes('other'));
}

import type { Failure } from '../result';

import type { LocalizedText } from './localized-text';

export interface ScoringDimension {
  name: string;
  title: LocalizedText;
}

/** A single-choice question, or a matrix row, whose values are all integers: its answers can be counted on a scale. */
export interface ScoredQuestion {
  name: string;
  /** The question's title, or its name when it has none (as SurveyJS shows it). */
  title: LocalizedText;
  /** The dimension the question's index feeds; null for questions outside the index (`overall`). */
  dimension: string | null;
  /** Every value of the scale, ascending. */
  values: number[];
  min: number;
  max: number;
  /** Lowest value counted as satisfied. */
  satisfiedFrom: number;
}

export interface Scoring {
  dimensions: ScoringDimension[];
  /** Keyed by `name`: a question's value key, or `<matrix>.<row>` (`<matrix>.<row>.<column>` for a cell). */
  questions: ScoredQuestion[];
  /** Where each scored key's value sits in the answers: [question] or [matrix, row(, column)]. */
  locations: ReadonlyMap<string, readonly string[]>;
}

export type AnswerIssueCode =
  'unknown_question' | 'wrong_type' | 'out_of_scale' | 'too_long' | 'required_missing' | 'invalid_answer' | 'no_answer';

export interface AnswerIssue {
  /** The answer key at fault (a question name or `<name>-Comment`); absent for `no_answer`. */
  question?: string;
  code: AnswerIssueCode;
  /** English, naming the question and the problem: `q_access_seats: 7 is not on the scale 1–5`. */
  message: string;
}

export interface ScoredAnswer {
  question: string;
  value: number;
}

export type ValidationResult =
  | {
      ok: true;
      /** Normalized answers of the visible, answered questions only. */
      data: Record<string, unknown>;
      /** The numeric answers to scored questions (see extractScoring), in survey order. */
      scored: ScoredAnswer[];
    }
  | (Failure<'no_answer' | 'invalid_answers'> & { issues: AnswerIssue[] });

import { compileRules, type AnswerRule } from './answer-rules';
import { createConditionLogic, unmodelledFeatures } from './condition-logic';
import type { SurveyDefinition } from './definition-schema';
import { createModelLogic } from './model-logic';
import { extractScoring } from './scoring';
import { isOtherChosen, type SurveyLogic } from './survey-logic';
import type { AnswerIssue, ScoredAnswer, ValidationResult } from './types';

export type { AnswerIssue, AnswerIssueCode, ScoredAnswer, ValidationResult } from './types';

export const MAX_ANSWER_KEYS = 200;

// Never valid answer keys (question names cannot be these either): they reach Object.prototype.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface AnswerValidator {
  /** Which implementation of the survey logic serves this survey (see SurveyLogic). */
  readonly engine: SurveyLogic['engine'];
  validate(answers: unknown): ValidationResult;
}

export interface AnswerValidatorOptions {
  /** `model` forces SurveyJS's Model even where the condition engine would do (tests, diagnosis). */
  engine?: 'auto' | 'model';
}

type Answers = Map<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const failed = (issues: AnswerIssue[]): ValidationResult => ({ ok: false, issues });
const noAnswer = (): ValidationResult => failed([{ code: 'no_answer', message: 'answers: no question is answered' }]);

/** Type and range of every answer, from the survey JSON alone. */
function checkEach(answers: Record<string, unknown>, rules: ReadonlyMap<string, AnswerRule>) {
  const cleaned: Answers = new Map();
  const issues: AnswerIssue[] = [];
  for (const key of Object.keys(answers)) {
    const rule = FORBIDDEN_KEYS.has(key) ? undefined : rules.get(key);
    if (!rule) {
      issues.push({ question: key, code: 'unknown_question', message: `${key}: not a question of this survey` });
      continue;
    }
    const checked = rule.check(answers[key]);
    if (!checked.ok) issues.push({ question: key, code: checked.code, message: checked.message });
    else if (checked.value !== undefined) cleaned.set(key, checked.value);
  }
  return { cleaned, issues };
}

/**
 * Drops answers to hidden questions, and "other" texts without "other" chosen, until nothing
 * more hides (an answer dropped can hide another question). SurveyJS also clears hidden answers
 * when a survey completes, so a client that sends them has a stale or hand-made payload.
 */
function keepVisible(
  cleaned: Answers,
  rules: ReadonlyMap<string, AnswerRule>,
  logic: SurveyLogic,
): { kept: Answers; values: Record<string, unknown> } {
  let kept = cleaned;
  let values = Object.fromEntries(kept);
  for (;;) {
    const visible = logic.visibleQuestions(values);
    const next: Answers = new Map();
    for (const [key, value] of kept) {
      const rule = rules.get(key)!;
      if (!visible.has(rule.question)) continue;
      if (rule.otherTextOnly && !isOtherChosen(kept.get(rule.question))) continue;
      next.set(key, value);
    }
    if (next.size === kept.size) return { kept, values };
    kept = next;
    values = Object.fromEntries(kept);
  }
}

/**
 * Validates answers against one survey version. Build it once per version and reuse it: rules
 * and conditions are compiled once, and a SurveyJS Model (where one is needed) is built once.
 *
 * Order of checks: the answer object; each answer's type and range (SurveyJS checks neither);
 * then, with the answers as a whole, visibility (hidden answers are dropped), required questions
 * and the survey's own validators. `data` is normalized (texts trimmed and NFC, empty answers and
 * computed `expression` values left out) and in survey order.
 */
export function createAnswerValidator(
  def: SurveyDefinition,
  options: AnswerValidatorOptions = {},
): AnswerValidator {
  const rules = compileRules(def);
  const keyOrder = [...rules.keys()];
  const scoredNames = new Set(extractScoring(def).questions.map((q) => q.name));
  const useModel = options.engine === 'model' || unmodelledFeatures(def).length > 0;
  const logic = useModel ? createModelLogic(def) : createConditionLogic(def);

  function validate(answers: unknown): ValidationResult {
    if (!isPlainObject(answers)) {
      return failed([{ code: 'wrong_type', message: 'answers: expected an object keyed by question name' }]);
    }
    const count = Object.keys(answers).length;
    if (count > MAX_ANSWER_KEYS) {
      return failed([{ code: 'too_long', message: `answers: ${count} keys, at most ${MAX_ANSWER_KEYS}` }]);
    }
    const { cleaned, issues } = checkEach(answers, rules);
    if (issues.length > 0) return failed(issues);
    if (cleaned.size === 0) return noAnswer();

    const { kept, values } = keepVisible(cleaned, rules, logic);
    if (kept.size === 0) return noAnswer();
    const surveyIssues = logic.surveyIssues(values);
    if (surveyIssues.length > 0) return failed(surveyIssues);

    const data: Record<string, unknown> = {};
    const scored: ScoredAnswer[] = [];
    for (const key of keyOrder) {
      if (!kept.has(key)) continue;
      const value = kept.get(key);
      data[key] = value;
      // Built-in items ("none", "other") are strings: not applicable, so not scored.
      if (scoredNames.has(key) && typeof value === 'number') scored.push({ question: key, value });
    }
    return { ok: true, data, scored };
  }

  return { engine: logic.engine, validate };
}

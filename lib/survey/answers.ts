import type { Model } from 'survey-core';

import { createConditionLogic, unmodelledFeatures } from './condition-logic';
import { fail } from '../result';
import type { SurveyDefinition } from './definition-schema';
import { createModelLogic } from './model-logic';
import { extractScoring, scoredAnswersOf } from './scoring';
import { isOtherChosen, type SurveyLogic } from './survey-logic';
import { createSurveyModel, COMMENT_SUFFIX } from './survey-model';
import type { AnswerIssue, ValidationResult } from './types';
import {
  checkerOf,
  commentKeyNeeded,
  DEFAULT_MAX_TEXT_LENGTH,
  isPlainObject,
  textChecker,
  type Checker,
} from './value-rules';

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
  /** survey-core's model of this survey version, when the caller already built one. */
  model?: Model;
}

interface AnswerRule {
  /** The question that owns the key (its value key; itself, or the question of a `-Comment`). */
  question: string;
  /** A `-Comment` that only exists for the "other" choice (no comment area). */
  otherTextOnly: boolean;
  /** An `expression`: survey-core computes its value; the client's is not trusted. */
  computed: boolean;
  check: Checker;
}

type Answers = Map<string, unknown>;

// One code for the whole refusal: nothing answered at all, or something answered wrongly.
const failed = (issues: AnswerIssue[]): ValidationResult => ({
  ...fail(
    issues.every((i) => i.code === 'no_answer') ? 'no_answer' : 'invalid_answers',
    issues.map((i) => i.message).join('; '),
  ),
  issues,
});
const noAnswer = (): ValidationResult => failed([{ code: 'no_answer', message: 'answers: no question is answered' }]);

/** One rule per accepted top-level answer key, in survey order, from survey-core's model. */
function compileRules(model: Model): Map<string, AnswerRule> {
  const commentText = textChecker(model.maxCommentLength > 0 ? model.maxCommentLength : DEFAULT_MAX_TEXT_LENGTH);
  const rules = new Map<string, AnswerRule>();
  for (const q of model.getAllQuestions(false, false, false)) {
    const check = checkerOf(q);
    if (!check) continue;
    const key = q.getValueName();
    // Questions sharing a valueName share one answer: the first one's rule decides its type.
    if (!rules.has(key))
      rules.set(key, { question: key, otherTextOnly: false, computed: q.getType() === 'expression', check });
    if (commentKeyNeeded(q)) {
      rules.set(key + COMMENT_SUFFIX, {
        question: key,
        otherTextOnly: !q.hasComment,
        computed: false,
        check: commentText,
      });
    }
  }
  return rules;
}

/** Type and range of every answer, from the model's question objects alone. */
function checkEach(answers: Record<string, unknown>, rules: ReadonlyMap<string, AnswerRule>) {
  const cleaned: Answers = new Map();
  const issues: AnswerIssue[] = [];
  for (const key of Object.keys(answers)) {
    const rule = FORBIDDEN_KEYS.has(key) ? undefined : rules.get(key);
    if (!rule) {
      issues.push({ question: key, code: 'unknown_question', message: `${key}: not a question of this survey` });
      continue;
    }
    const checked = rule.check(answers[key], key);
    if (!checked.ok) issues.push({ question: key, code: checked.code, message: checked.message });
    else if (checked.value !== undefined) cleaned.set(key, checked.value);
  }
  return { cleaned, issues };
}

/**
 * Drops answers to hidden questions, and "other" texts without "other" chosen, until nothing
 * more hides (an answer dropped can hide another question). SurveyJS clears hidden answers
 * when a survey completes (its default `clearInvisibleValues: "onComplete"`), so a client that
 * sends them has a stale or hand-made payload: they are checked like any answer, then not kept.
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
 * Validates answers against one survey version. Build it once per version and reuse it: the
 * survey-core model, the rules and the conditions are built once.
 *
 * Order of checks: the answer object; each answer's JSON type and offered values (survey-core
 * checks neither); then, with the answers as a whole, visibility (hidden answers are dropped),
 * and survey-core's own verdict (required, requiredIf, validators, matrix and panel rules).
 * `data` is normalized (texts trimmed and NFC, empty answers left out, `expression` values as
 * survey-core computes them) and in survey order.
 */
export function createAnswerValidator(def: SurveyDefinition, options: AnswerValidatorOptions = {}): AnswerValidator {
  const model = options.model ?? createSurveyModel(def);
  const rules = compileRules(model);
  const keyOrder = [...rules.keys()];
  const scoring = extractScoring(def, model);
  const useModel = options.engine === 'model' || unmodelledFeatures(def).length > 0;
  const modelLogic = useModel ? createModelLogic(model) : null;
  const logic = modelLogic ?? createConditionLogic(def);
  const computedKeys = keyOrder.filter((key) => rules.get(key)!.computed);

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

    if (modelLogic) {
      for (const key of computedKeys) {
        const value = modelLogic.computed(key);
        if (value !== undefined && value !== null && value !== '' && logic.visibleQuestions(values).has(key))
          kept.set(key, value);
      }
    }
    const data: Record<string, unknown> = {};
    for (const key of keyOrder) if (kept.has(key)) data[key] = kept.get(key);
    return { ok: true, data, scored: scoredAnswersOf(scoring, data) };
  }

  return { engine: logic.engine, validate };
}

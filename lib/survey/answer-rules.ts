import type { QuestionDefinition, SurveyDefinition } from './definition-schema';
import { questionsOf } from './elements';
import { hasScale, scaleOf, type ChoiceValue, type QuestionScale } from './scale';
import type { AnswerIssueCode } from './types';

/** Texts without a maxLength of their own (SurveyJS: unlimited) are capped here. */
export const DEFAULT_MAX_TEXT_LENGTH = 2000;

export type CheckResult =
  /** `value` undefined: not answered (an empty text or selection), left out of the data. */
  | { ok: true; value: unknown }
  | { ok: false; code: AnswerIssueCode; message: string };

export interface AnswerRule {
  /** The answer key: a question name or `<name>-Comment`. */
  key: string;
  /** The question that owns the key (itself, or the question of a `-Comment`). */
  question: string;
  /** A `-Comment` that only exists for the "other" choice (no comment area). */
  otherTextOnly: boolean;
  check(value: unknown): CheckResult;
}

const NOT_ANSWERED: CheckResult = { ok: true, value: undefined };
const accept = (value: unknown): CheckResult => ({ ok: true, value });
const fail = (code: AnswerIssueCode, message: string): CheckResult => ({ ok: false, code, message });

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}

function listOf(values: readonly ChoiceValue[]): string {
  const shown = values.slice(0, 10).map((v) => JSON.stringify(v));
  return shown.join(', ') + (values.length > 10 ? ', …' : '');
}

/**
 * Checks one value against the choices, with the exact JSON type: 4 is not "4". The type is
 * the scale's own; built-in items ("none", "other") are accepted besides.
 */
function choiceChecker(name: string, scale: readonly ChoiceValue[], special: readonly string[]) {
  const allowed = [...scale, ...special];
  const set = new Set<unknown>(allowed);
  const numbers = scale.filter((v): v is number => typeof v === 'number');
  const hasStrings = numbers.length < scale.length;
  const integerScale = numbers.length > 0 && numbers.every(Number.isInteger);
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const contiguous = integerScale && !hasStrings && max - min + 1 === new Set(numbers).size;
  return (value: unknown): CheckResult => {
    if (set.has(value)) return accept(value);
    if (typeof value !== 'number' && typeof value !== 'string') {
      return fail('wrong_type', `${name}: expected one of the choices, got ${describeValue(value)}`);
    }
    if (typeof value === 'string' && !hasStrings && numbers.length > 0) {
      return fail('wrong_type', `${name}: expected a number, got ${describeValue(value)}`);
    }
    if (typeof value === 'number' && numbers.length === 0) {
      return fail('wrong_type', `${name}: expected a string, got ${describeValue(value)}`);
    }
    if (typeof value === 'number' && integerScale && !Number.isInteger(value)) {
      return fail('wrong_type', `${name}: expected an integer, got ${value}`);
    }
    if (contiguous && typeof value === 'number') {
      return fail('out_of_scale', `${name}: ${value} is not on the scale ${min}–${max}`);
    }
    return fail('out_of_scale', `${name}: ${JSON.stringify(value)} is not one of the choices (${listOf(allowed)})`);
  };
}

function multiChecker(name: string, scale: QuestionScale, maxSelected: number | undefined) {
  const one = choiceChecker(name, scale.entries.map((e) => e.value), scale.special);
  const count = scale.entries.length + scale.special.length;
  const limit = Math.min(maxSelected && maxSelected > 0 ? maxSelected : Infinity, count);
  return (value: unknown): CheckResult => {
    if (!Array.isArray(value)) return fail('wrong_type', `${name}: expected an array of choices, got ${describeValue(value)}`);
    if (value.length === 0) return NOT_ANSWERED;
    const seen = new Set<unknown>();
    for (const item of value) {
      const checked = one(item);
      if (!checked.ok) return checked;
      if (seen.has(item)) return fail('wrong_type', `${name}: ${JSON.stringify(item)} is selected twice`);
      seen.add(item);
    }
    if (value.length > limit) return fail('too_long', `${name}: ${value.length} choices selected, at most ${limit}`);
    return accept([...value]);
  };
}

function textChecker(name: string, maxLength: number) {
  return (value: unknown): CheckResult => {
    if (typeof value !== 'string') return fail('wrong_type', `${name}: expected a string, got ${describeValue(value)}`);
    // NFC: Vietnamese typed with combining marks would otherwise count (and compare) differently.
    const text = value.trim().normalize('NFC');
    if (text === '') return NOT_ANSWERED;
    if (text.length > maxLength) return fail('too_long', `${name}: ${text.length} characters, at most ${maxLength}`);
    return accept(text);
  };
}

function numberChecker(name: string) {
  return (value: unknown): CheckResult =>
    typeof value === 'number' && Number.isFinite(value)
      ? accept(value)
      : fail('wrong_type', `${name}: expected a number, got ${describeValue(value)}`);
}

function limitOf(own: number | undefined, surveyWide: number | undefined): number {
  if (own !== undefined && own > 0) return own;
  if (surveyWide !== undefined && surveyWide > 0) return surveyWide;
  return DEFAULT_MAX_TEXT_LENGTH;
}

function checkerFor(q: QuestionDefinition, def: SurveyDefinition): (value: unknown) => CheckResult {
  if (hasScale(q)) {
    const scale = scaleOf(q);
    return q.type === 'checkbox'
      ? multiChecker(q.name, scale, q.maxSelectedChoices)
      : choiceChecker(q.name, scale.entries.map((e) => e.value), scale.special);
  }
  switch (q.type) {
    case 'comment':
      return textChecker(q.name, limitOf(q.maxLength, def.maxTextLength));
    case 'text':
      return q.inputType === 'number' || q.inputType === 'range'
        ? numberChecker(q.name)
        : textChecker(q.name, limitOf(q.maxLength, def.maxTextLength));
    case 'boolean': {
      const values = [q.valueTrue ?? true, q.valueFalse ?? false];
      return (value) =>
        values.some((v) => v === value)
          ? accept(value)
          : fail('wrong_type', `${q.name}: expected ${values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(value)}`);
    }
    case 'expression':
      // Computed by SurveyJS from other answers: a client-sent value is not trusted, nor stored.
      return () => NOT_ANSWERED;
  }
}

/** One rule per accepted answer key, in survey order. Built once per survey version. */
export function compileRules(def: SurveyDefinition): Map<string, AnswerRule> {
  const rules = new Map<string, AnswerRule>();
  for (const q of questionsOf(def)) {
    rules.set(q.name, { key: q.name, question: q.name, otherTextOnly: false, check: checkerFor(q, def) });
    const other = hasScale(q) && q.type !== 'rating' && (q.showOtherItem ?? q.hasOther) === true;
    const commentArea = (q.showCommentArea ?? q.hasComment) === true;
    if (other || commentArea) {
      const key = `${q.name}-Comment`;
      const check = textChecker(key, limitOf(undefined, def.maxCommentLength));
      rules.set(key, { key, question: q.name, otherTextOnly: !commentArea, check });
    }
  }
  return rules;
}

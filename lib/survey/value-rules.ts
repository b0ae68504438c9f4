import type { ItemValue, Question } from 'survey-core';

import { COMMENT_SUFFIX } from './survey-model';
import type { Result } from '../result';
import type { AnswerIssueCode } from './types';

/**
 * What each question accepts as an answer, read from survey-core's own model of the question
 * (choices, rate values, matrix rows and columns, cell types, panel templates) rather than from
 * the JSON, so every SurveyJS way of declaring them (rateCount, choicesMin, inherited column
 * choices, ...) is covered. survey-core itself checks neither JSON types nor offered values
 * (it drops a value not offered silently), so these checks come first; what depends on the
 * answers as a whole (required, conditions, validators) is survey-core's own `validate()`.
 */

/** Texts without a maxLength of their own (SurveyJS: unlimited) are capped here. */
export const DEFAULT_MAX_TEXT_LENGTH = 2000;

export type CheckResult =
  /** `value` undefined: not answered (an empty text or selection), left out of the data. */
  Result<{ value: unknown }, AnswerIssueCode>;

/** Checks one value; `at` names it in messages (`q_staff.polite`, `rooms[2].size`). */
export type Checker = (value: unknown, at: string) => CheckResult;

export const NOT_ANSWERED: CheckResult = { ok: true, value: undefined };
const accept = (value: unknown): CheckResult => ({ ok: true, value });
const fail = (code: AnswerIssueCode, message: string): CheckResult => ({ ok: false, code, message });

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}

type ChoiceValue = string | number | boolean;

const BUILT_IN = new Set(['other', 'none', 'refused', 'dontknow']);

function listOf(values: readonly unknown[]): string {
  const shown = values.slice(0, 10).map((v) => JSON.stringify(v));
  return shown.join(', ') + (values.length > 10 ? ', …' : '');
}

const valuesOf = (items: readonly ItemValue[] | undefined): ChoiceValue[] =>
  (items ?? []).map((item) => item.value as ChoiceValue);

/**
 * One value against the offered values, with the exact JSON type: 4 is not "4". `otherAsValue`:
 * the "other" text is stored as the value itself (storeOthersAsComment false), so any string is.
 */
export function oneOf(offered: readonly ChoiceValue[], otherAsValue = false): Checker {
  const set = new Set<unknown>(offered);
  const numbers = offered.filter((v): v is number => typeof v === 'number');
  const integerScale = numbers.length > 0 && numbers.every(Number.isInteger);
  const hasStrings = offered.some((v) => typeof v === 'string');
  // A numeric scale with built-in items ("none", "other"): a numeric string is a type slip, not a choice.
  const specialOnly = offered.every((v) => typeof v !== 'string' || BUILT_IN.has(v));
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const contiguous = integerScale && !hasStrings && max - min + 1 === new Set(numbers).size;
  return (value, at) => {
    if (set.has(value)) return accept(value);
    if (otherAsValue && typeof value === 'string' && value.trim() !== '') return accept(value.trim().normalize('NFC'));
    if (typeof value !== 'number' && typeof value !== 'string') {
      return fail('wrong_type', `${at}: expected one of the choices, got ${describeValue(value)}`);
    }
    if (typeof value === 'string' && (!hasStrings || specialOnly) && numbers.length > 0) {
      return fail('wrong_type', `${at}: expected a number, got ${describeValue(value)}`);
    }
    if (typeof value === 'number' && numbers.length === 0)
      return fail('wrong_type', `${at}: expected a string, got ${describeValue(value)}`);
    if (typeof value === 'number' && integerScale && !Number.isInteger(value))
      return fail('wrong_type', `${at}: expected an integer, got ${value}`);
    if (contiguous && typeof value === 'number')
      return fail('out_of_scale', `${at}: ${value} is not on the scale ${min}–${max}`);
    return fail('out_of_scale', `${at}: ${JSON.stringify(value)} is not one of the choices (${listOf(offered)})`);
  };
}

function manyOf(one: Checker, limit: number, whole: number | null): Checker {
  return (value, at) => {
    if (!Array.isArray(value))
      return fail('wrong_type', `${at}: expected an array of choices, got ${describeValue(value)}`);
    if (value.length === 0) return NOT_ANSWERED;
    const seen = new Set<unknown>();
    const out: unknown[] = [];
    for (const item of value) {
      const checked = one(item, at);
      if (!checked.ok) return checked;
      if (seen.has(checked.value)) return fail('wrong_type', `${at}: ${JSON.stringify(item)} is selected twice`);
      seen.add(checked.value);
      out.push(checked.value);
    }
    if (value.length > limit) return fail('too_long', `${at}: ${value.length} choices selected, at most ${limit}`);
    if (whole !== null && value.length !== whole)
      return fail('invalid_answer', `${at}: a ranking lists all ${whole} choices, got ${value.length}`);
    return accept(out);
  };
}

export function textChecker(maxLength: number): Checker {
  return (value, at) => {
    if (typeof value !== 'string') return fail('wrong_type', `${at}: expected a string, got ${describeValue(value)}`);
    // NFC: Vietnamese typed with combining marks would otherwise count (and compare) differently.
    const trimmed = value.trim().normalize('NFC');
    if (trimmed === '') return NOT_ANSWERED;
    if (trimmed.length > maxLength)
      return fail('too_long', `${at}: ${trimmed.length} characters, at most ${maxLength}`);
    return accept(trimmed);
  };
}

const number: Checker = (value, at) =>
  typeof value === 'number' && Number.isFinite(value)
    ? accept(value)
    : fail('wrong_type', `${at}: expected a number, got ${describeValue(value)}`);

function between(min: number, max: number): Checker {
  return (value, at) => {
    const checked = number(value, at);
    if (!checked.ok) return checked;
    return (value as number) < min || (value as number) > max
      ? fail('out_of_scale', `${at}: ${String(value)} is not within ${min}–${max}`)
      : checked;
  };
}

/** A JSON object whose keys are checked one by one; an unknown key is refused. */
function objectOf(keys: ReadonlyMap<string, Checker>, what: string): Checker {
  return (value, at) => {
    if (!isPlainObject(value))
      return fail('wrong_type', `${at}: expected an object keyed by ${what}, got ${describeValue(value)}`);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const check = keys.get(key);
      if (!check) return fail('unknown_question', `${at}.${key}: not a ${what.replace(/s$/, '')} of ${at}`);
      const checked = check(inner, `${at}.${key}`);
      if (!checked.ok) return checked;
      if (checked.value !== undefined) out[key] = checked.value;
    }
    return Object.keys(out).length > 0 ? accept(out) : NOT_ANSWERED;
  };
}

function arrayOf(item: Checker, maxCount: number, what: string): Checker {
  return (value, at) => {
    if (!Array.isArray(value))
      return fail('wrong_type', `${at}: expected an array of ${what}, got ${describeValue(value)}`);
    if (value.length > maxCount) return fail('too_long', `${at}: ${value.length} ${what}, at most ${maxCount}`);
    const out: unknown[] = [];
    for (const [i, inner] of value.entries()) {
      const checked = item(inner, `${at}[${i}]`);
      if (!checked.ok) return checked;
      // An untouched row or panel stays in place as {}: positions are what the renderer shows.
      out.push(checked.value ?? {});
    }
    return out.some((v) => isPlainObject(v) && Object.keys(v).length > 0) ? accept(out) : NOT_ANSWERED;
  };
}

type Select = Question & {
  choices: ItemValue[];
  visibleChoices: ItemValue[];
  hasOther: boolean;
  getStoreOthersAsComment(): boolean;
  maxSelectedChoices: number;
  multiSelect?: boolean;
};

/** Every value a choice question offers: its choices (or `fallback`'s, as matrix cells inherit), generated and built-in items. */
function offeredValues(q: Select, fallback: readonly ItemValue[] = []): ChoiceValue[] {
  const own = q.choices.length > 0 ? q.choices : fallback;
  return [...new Set([...valuesOf(own), ...valuesOf(q.visibleChoices)])];
}

function maxLengthOf(q: Question): number {
  const limit = (q as Question & { getMaxLength(): number | null }).getMaxLength();
  return typeof limit === 'number' && limit > 0 ? limit : DEFAULT_MAX_TEXT_LENGTH;
}

const NUMERIC_INPUTS = new Set(['number', 'range']);

/** Value keys inside a container value (a matrix row, a dynamic panel): each question and its comment. */
function keysOf(questions: readonly Question[], fallbackChoices: readonly ItemValue[] = []): Map<string, Checker> {
  const keys = new Map<string, Checker>();
  for (const q of questions) {
    const check = checkerOf(q, fallbackChoices);
    if (!check) continue;
    const key = q.getValueName();
    keys.set(key, check);
    if (commentKeyNeeded(q)) keys.set(key + COMMENT_SUFFIX, textChecker(DEFAULT_MAX_TEXT_LENGTH));
  }
  return keys;
}

/** Whether the question stores a text under `<key>-Comment`: a comment area, or an "other" item's text. */
export function commentKeyNeeded(q: Question): boolean {
  const select = q as Select;
  return q.hasComment || (select.hasOther === true && select.getStoreOthersAsComment());
}

/**
 * The checker of one question's value, or null for elements without one (html, image).
 * `fallbackChoices`: a matrix's own choices, which its cells use when a column lists none.
 */
export function checkerOf(q: Question, fallbackChoices: readonly ItemValue[] = []): Checker | null {
  const type = q.getType();
  switch (type) {
    case 'radiogroup':
    case 'dropdown':
    case 'imagepicker':
    case 'checkbox':
    case 'tagbox':
    case 'ranking': {
      const select = q as Select;
      const one = oneOf(offeredValues(select, fallbackChoices), select.hasOther && !select.getStoreOthersAsComment());
      if (type === 'radiogroup' || type === 'dropdown' || (type === 'imagepicker' && !select.multiSelect)) return one;
      const count = offeredValues(select, fallbackChoices).length;
      const limit = select.maxSelectedChoices > 0 ? Math.min(select.maxSelectedChoices, count) : Infinity;
      const whole =
        type === 'ranking' && !(q as Question & { selectToRankEnabled: boolean }).selectToRankEnabled ? count : null;
      return manyOf(one, limit, whole);
    }
    case 'rating':
      return oneOf(valuesOf((q as Question & { visibleRateValues: ItemValue[] }).visibleRateValues));
    case 'boolean': {
      const b = q as Question & { getValueTrue(): ChoiceValue; getValueFalse(): ChoiceValue };
      const values = [b.getValueTrue(), b.getValueFalse()];
      return (value, at) =>
        values.some((v) => v === value)
          ? accept(value)
          : fail('wrong_type', `${at}: expected ${listOf(values).replace(', ', ' or ')}, got ${describeValue(value)}`);
    }
    case 'text':
      return NUMERIC_INPUTS.has((q as Question & { inputType: string }).inputType)
        ? number
        : textChecker(maxLengthOf(q));
    case 'comment':
      return textChecker(maxLengthOf(q));
    case 'slider': {
      const s = q as Question & { min: number; max: number; sliderType: string };
      const one = between(s.min, s.max);
      if (s.sliderType !== 'range') return one;
      return (value, at) => {
        if (!Array.isArray(value) || value.length !== 2)
          return fail('wrong_type', `${at}: expected [from, to], got ${describeValue(value)}`);
        for (const v of value) {
          const checked = one(v, at);
          if (!checked.ok) return checked;
        }
        return accept([...value]);
      };
    }
    case 'expression':
      // Computed by survey-core from the other answers: the stored value is its own (lib/survey/answers.ts).
      return (value, at) =>
        value === null || ['string', 'number', 'boolean'].includes(typeof value)
          ? NOT_ANSWERED
          : fail('wrong_type', `${at}: expected a computed value, got ${describeValue(value)}`);
    case 'matrix': {
      const m = q as Question & { rows: ItemValue[]; columns: ItemValue[] };
      const cell = oneOf(valuesOf(m.columns));
      return objectOf(new Map(m.rows.map((row) => [String(row.value), cell])), 'rows');
    }
    case 'matrixdropdown':
    case 'matrixdynamic': {
      const m = q as Question & {
        rows: ItemValue[];
        choices: ItemValue[];
        columns: Array<{ templateQuestion: Question }>;
        maxRowCount: number;
      };
      const row = objectOf(
        keysOf(
          m.columns.map((c) => c.templateQuestion),
          m.choices,
        ),
        'columns',
      );
      if (type === 'matrixdynamic') return arrayOf(row, m.maxRowCount, 'rows');
      return objectOf(new Map(m.rows.map((r) => [String(r.value), row])), 'rows');
    }
    case 'multipletext': {
      const m = q as Question & { items: Array<{ name: string; editor: Question }> };
      return objectOf(new Map(m.items.map((item) => [item.name, checkerOf(item.editor) ?? number])), 'items');
    }
    case 'paneldynamic': {
      const p = q as Question & { template: { questions: Question[] }; maxPanelCount: number };
      return arrayOf(objectOf(keysOf(p.template.questions), 'questions'), p.maxPanelCount, 'panels');
    }
    case 'html':
    case 'image':
      return null;
    default:
      throw new Error(`no answer rule for question type "${type}" (${q.name})`);
  }
}

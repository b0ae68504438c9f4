import { localize, type Locale, type LocalizedText } from './localized-text';

// The first page of a survey as plain data, for a server-rendered HTML form that a citizen can
// answer before (or without) SurveyJS. Reads the raw SurveyJS JSON and imports nothing from
// survey-core, so the browser can use the same functions without loading SurveyJS.

export type FormValue = string | number | boolean;
export type FormChoice = { value: FormValue; text: string };

type QuestionBase = { name: string; title: string; description?: string; required: boolean; visibleIf?: string };
export type ChoiceQuestion = QuestionBase & { kind: 'radio' | 'checkbox'; choices: FormChoice[]; rating: boolean };
export type TextQuestion = QuestionBase & { kind: 'comment' | 'text'; maxLength?: number };
export type FormQuestion = ChoiceQuestion | TextQuestion;
export const isText = (q: FormQuestion): q is TextQuestion => q.kind === 'comment' || q.kind === 'text';

export type FirstPage = {
  title: string;
  description?: string;
  pageTitle?: string;
  pageCount: number;
  questions: FormQuestion[];
  /** The whole survey is this one page of questions a plain form post can carry. */
  postable: boolean;
  submitText: string;
  nextText: string;
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, locale: Locale): string | undefined =>
  typeof v === 'string' || isObject(v) ? localize(v as LocalizedText, locale) || undefined : undefined;

function pagesOf(def: Json): Json[] {
  if (Array.isArray(def.pages)) return def.pages.filter(isObject);
  return Array.isArray(def.elements) || Array.isArray(def.questions) ? [def] : [];
}

const elementsOf = (page: Json): unknown[] =>
  Array.isArray(page.elements) ? page.elements : Array.isArray(page.questions) ? page.questions : [];

function choicesOf(items: unknown, locale: Locale): FormChoice[] | null {
  if (!Array.isArray(items)) return null;
  const out: FormChoice[] = [];
  for (const item of items) {
    if (typeof item === 'string' || typeof item === 'number') out.push({ value: item, text: String(item) });
    else if (isObject(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
      out.push({ value: item.value, text: text(item.text, locale) ?? String(item.value) });
    } else return null;
  }
  return out;
}

function ratingChoices(q: Json, locale: Locale): FormChoice[] | null {
  if (Array.isArray(q.rateValues) && q.rateValues.length > 0) return choicesOf(q.rateValues, locale);
  const min = typeof q.rateMin === 'number' ? q.rateMin : 1;
  const max = typeof q.rateMax === 'number' ? q.rateMax : typeof q.rateCount === 'number' ? min + q.rateCount - 1 : 5;
  const step = typeof q.rateStep === 'number' && q.rateStep > 0 ? q.rateStep : 1;
  const out: FormChoice[] = [];
  for (let v = min; v <= max && out.length < 20; v += step) out.push({ value: v, text: String(v) });
  return out;
}

// Features a plain form cannot mirror: such a question is left to SurveyJS.
const UNMIRRORED = [
  'showOtherItem',
  'hasOther',
  'showNoneItem',
  'hasNone',
  'showCommentArea',
  'hasComment',
  'enableIf',
  'requiredIf',
  'choicesVisibleIf',
  'choicesEnableIf',
  'validators',
];

/** One question as form data, or null when a plain form cannot show it faithfully. */
export function formQuestionOf(q: unknown, locale: Locale): FormQuestion | null {
  if (!isObject(q) || typeof q.name !== 'string' || q.visible === false) return null;
  if (UNMIRRORED.some((key) => q[key] !== undefined && q[key] !== false)) return null;
  const base: QuestionBase = {
    name: q.name,
    title: text(q.title, locale) ?? q.name,
    description: text(q.description, locale),
    required: q.isRequired === true,
    visibleIf: typeof q.visibleIf === 'string' ? q.visibleIf : undefined,
  };
  switch (q.type) {
    case 'radiogroup':
    case 'checkbox': {
      const choices = choicesOf(q.choices ?? [], locale);
      return choices && choices.length > 0
        ? { ...base, kind: q.type === 'checkbox' ? 'checkbox' : 'radio', choices, rating: false }
        : null;
    }
    case 'rating': {
      const choices = ratingChoices(q, locale);
      return choices && choices.length > 0 ? { ...base, kind: 'radio', choices, rating: true } : null;
    }
    case 'boolean':
      if (q.valueTrue !== undefined || q.valueFalse !== undefined) return null;
      return {
        ...base,
        kind: 'radio',
        rating: false,
        choices: [
          { value: true, text: text(q.labelTrue, locale) ?? (locale === 'vi' ? 'Có' : 'Yes') },
          { value: false, text: text(q.labelFalse, locale) ?? (locale === 'vi' ? 'Không' : 'No') },
        ],
      };
    case 'comment':
    case 'text':
      if (q.type === 'text' && q.inputType !== undefined && q.inputType !== 'text') return null;
      return {
        ...base,
        kind: q.type,
        maxLength: typeof q.maxLength === 'number' && q.maxLength > 0 ? q.maxLength : undefined,
      };
    default:
      return null;
  }
}

/**
 * The first page, or null when it holds something a plain form cannot show (a matrix, a panel,
 * an "other" item, …): then the page waits for SurveyJS as before.
 */
export function firstPageOf(definition: unknown, locale: Locale): FirstPage | null {
  if (!isObject(definition)) return null;
  const pages = pagesOf(definition);
  const first = pages[0];
  if (!first || first.visibleIf !== undefined) return null;
  const questions: FormQuestion[] = [];
  for (const element of elementsOf(first)) {
    const q = formQuestionOf(element, locale);
    if (!q) return null;
    questions.push(q);
  }
  if (questions.length === 0) return null;
  const vi = locale === 'vi';
  return {
    title: text(definition.title, locale) ?? '',
    description: text(definition.description, locale),
    pageTitle: pages.length > 1 ? text(first.title, locale) : undefined,
    pageCount: pages.length,
    questions,
    postable: pages.length === 1,
    submitText: text(definition.completeText, locale) ?? (vi ? 'Hoàn thành' : 'Complete'),
    nextText: text(definition.pageNextText, locale) ?? (vi ? 'Tiếp tục' : 'Next'),
  };
}

/**
 * A posted form's fields as survey answers: choice values get back their JSON type (a number
 * stays a number), empty fields are left out. Anything not a question of the page is dropped;
 * the answer validator then checks the rest as it checks any response.
 */
export function answersFromForm(page: FirstPage, fields: (name: string) => string[]): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of page.questions) {
    const given = fields(`q:${q.name}`)
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (given.length === 0) continue;
    if (isText(q)) {
      answers[q.name] = given[0];
      continue;
    }
    const values = given.map((v) => q.choices.find((c) => String(c.value) === v)?.value ?? v);
    answers[q.name] = q.kind === 'checkbox' ? values : values[0];
  }
  return answers;
}

/**
 * CSS that hides a follow-up question until its simple condition holds (`{q} = value`,
 * `{q} notempty`), so the form behaves like the survey with no script; a browser without
 * `:has()` ignores the rule and shows every question. Other conditions leave the question shown
 * and the validator drops an answer to a question that turns out hidden.
 */
export function conditionalCss(page: FirstPage, formSelector: string): string {
  const rules: string[] = [];
  for (const q of page.questions) {
    if (!q.visibleIf) continue;
    const equals = /^\s*\{(\w+)\}\s*=\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)|(true|false))\s*$/.exec(q.visibleIf);
    const notEmpty = /^\s*\{(\w+)\}\s+notempty\s*$/.exec(q.visibleIf);
    let shownWhen: string | null = null;
    if (equals) {
      const value = equals[2] ?? equals[3] ?? equals[4] ?? equals[5]!;
      shownWhen = `input[name="q:${equals[1]}"][value="${cssString(value)}"]:checked`;
    } else if (notEmpty) {
      shownWhen = `:is(textarea, input)[name="q:${notEmpty[1]}"]:not(:placeholder-shown)`;
    }
    if (shownWhen)
      rules.push(`${formSelector}:not(:has(${shownWhen})) [data-name="${cssString(q.name)}"] { display: none; }`);
  }
  return rules.join('\n');
}

const cssString = (s: string) => s.replace(/["\\]/g, '\\$&');

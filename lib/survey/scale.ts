import type { ChoiceItem, ChoiceQuestion, QuestionDefinition, RatingQuestion } from './definition-schema';

export type ChoiceValue = string | number;
export type JsonPath = readonly (string | number)[];

/** One value a question offers, with where the JSON declares it (for error messages). */
export interface ScaleEntry {
  value: ChoiceValue;
  path: JsonPath;
}

export interface QuestionScale {
  /** The question's own choices, in the order the survey lists them. */
  entries: ScaleEntry[];
  /**
   * SurveyJS's built-in items ("other", "none", "refused", "dontknow"). They are valid answers
   * but not points on the scale: a scored question answered with one counts as not applicable.
   */
  special: string[];
}

// survey-core 3.0.0 limits (settings.ratingMaximumRateValueCount and the smiley set).
const MAX_RATE_VALUES = 20;
const MAX_SMILEYS = 10;

export function choiceValue(item: ChoiceItem): ChoiceValue {
  return typeof item === 'object' ? item.value : item;
}

function entriesOf(items: readonly ChoiceItem[] | undefined, property: string): ScaleEntry[] {
  return (items ?? []).map((item, i) => ({
    value: choiceValue(item),
    path: typeof item === 'object' ? [property, i, 'value'] : [property, i],
  }));
}

function specialItems(q: ChoiceQuestion): string[] {
  const special: string[] = [];
  if (q.showOtherItem ?? q.hasOther) special.push('other');
  if (q.showNoneItem ?? q.hasNone) special.push('none');
  if (q.showRefuseItem) special.push('refused');
  if (q.showDontKnowItem) special.push('dontknow');
  return special;
}

/** SurveyJS rounds each generated step to the step's decimals (0.1 + 0.2 must give 0.3). */
function roundToStep(value: number, step: number): number {
  if (Number.isInteger(value)) return value;
  let decimals = 0;
  for (let s = step; !Number.isInteger(s) && decimals < 10; s *= 10) decimals++;
  return parseFloat(value.toFixed(decimals));
}

/** The bounds survey-core 3.0.0 derives for a generated rating scale (see QuestionRatingModel). */
export function ratingBounds(q: RatingQuestion): { min: number; max: number; step: number } {
  const step = q.rateStep ?? 1;
  let min = q.rateMin ?? 1;
  let max = q.rateMax ?? 5;
  if (q.rateCount !== undefined) {
    const count = Math.min(Math.max(q.rateCount, 2), MAX_RATE_VALUES);
    if (q.rateMin !== undefined && q.rateMax === undefined) max = min + step * (count - 1);
    if (q.rateMax !== undefined && q.rateMin === undefined) min = max - step * (count - 1);
  }
  return { min, max, step };
}

function ratingEntries(q: RatingQuestion): ScaleEntry[] {
  const listed = q.rateValues !== undefined && q.rateValues.length > 0 && q.autoGenerate !== true;
  let entries: ScaleEntry[];
  if (listed) {
    entries = entriesOf(q.rateValues, 'rateValues');
  } else {
    const { min, max, step } = ratingBounds(q);
    entries = [];
    for (let v = min; v <= max && entries.length < MAX_RATE_VALUES; v = roundToStep(v + step, step)) {
      entries.push({ value: v, path: ['rateMin'] });
    }
  }
  return q.rateType === 'smileys' ? entries.slice(0, MAX_SMILEYS) : entries;
}

function dropdownRange(q: ChoiceQuestion): ScaleEntry[] {
  if (q.type !== 'dropdown') return [];
  const min = q.choicesMin ?? 0;
  const max = q.choicesMax ?? 0;
  const step = q.choicesStep ?? 1;
  const entries: ScaleEntry[] = [];
  for (let v = min; max > min && v <= max; v += step) entries.push({ value: v, path: ['choicesMin'] });
  return entries;
}

export function hasScale(q: QuestionDefinition): q is ChoiceQuestion | RatingQuestion {
  return q.type === 'radiogroup' || q.type === 'dropdown' || q.type === 'checkbox' || q.type === 'rating';
}

/** Every answer value a choice or rating question accepts, derived from its JSON alone. */
export function scaleOf(q: ChoiceQuestion | RatingQuestion): QuestionScale {
  if (q.type === 'rating') return { entries: ratingEntries(q), special: [] };
  return { entries: [...entriesOf(q.choices, 'choices'), ...dropdownRange(q)], special: specialItems(q) };
}

/** The scale's values when all are integers (a scorable scale), sorted; otherwise null. */
export function integerValues(scale: QuestionScale): number[] | null {
  const values: number[] = [];
  for (const { value } of scale.entries) {
    if (typeof value !== 'number' || !Number.isInteger(value)) return null;
    values.push(value);
  }
  return values.length > 0 ? [...new Set(values)].sort((a, b) => a - b) : null;
}

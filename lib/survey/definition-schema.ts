import { z } from 'zod';

/**
 * The shape of SurveyJS JSON as far as Hài Lòng reads it itself (names, scoring and case
 * annotations, choices). Objects are loose: properties we do not use (layout, css, SurveyJS
 * Creator metadata, ...) pass through untouched, so a real SurveyJS export loads and is stored as
 * it was written. What each question accepts as an answer is derived from survey-core's own
 * model of the survey (lib/survey/value-rules.ts), not from this schema.
 */

// Answers arrive as a JSON object keyed by question name: these would reach Object.prototype.
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// SurveyJS allows any name (spaces, hyphens, `?`, `/`): only what would break the answers object is refused.
const name = z
  .string()
  .refine((value) => value.trim() !== '', { error: 'must not be empty' })
  .refine((value) => !RESERVED_NAMES.has(value), { error: 'is a reserved name' });

export const localizedTextSchema = z.union([z.string(), z.record(z.string(), z.string())], {
  error: 'expected a string or an object of strings per locale, e.g. { "default": "…", "en": "…" }',
});

const choiceValue = z.union([z.string(), z.number()], { error: 'expected a string or a number' });

export const choiceItemSchema = z.union(
  [z.string(), z.number(), z.looseObject({ value: choiceValue, text: localizedTextSchema.optional() })],
  { error: 'expected a string, a number or { "value": …, "text": … }' },
);

const unsupported = (message: string) => z.undefined({ error: message }).optional();

const flag = z.boolean().optional();
const condition = z.string().optional();

const questionBase = {
  name,
  title: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
  visible: flag,
  visibleIf: condition,
  enableIf: condition,
  isRequired: flag,
  requiredIf: condition,
  showCommentArea: flag,
  hasComment: flag,
  dimension: z.string().optional(),
  satisfiedFrom: z.number().optional(),
  // The overall rating that lib/indices/priorities.ts explains by the criteria (one per survey).
  outcome: flag,
  // Case rules: a rating at or below this value opens a case for the desk's unit.
  caseAtOrBelow: z.number().optional(),
  // A yes/no question whose "yes" marks the response's comment as a complaint, which opens a case.
  marksComplaint: flag,
  valueName: name.optional(),
};

const selectBase = {
  ...questionBase,
  choices: z.array(choiceItemSchema).optional(),
  showOtherItem: flag,
  hasOther: flag,
  showNoneItem: flag,
  hasNone: flag,
  showRefuseItem: flag,
  showDontKnowItem: flag,
  storeOthersAsComment: z.union([z.boolean(), z.literal('default')]).optional(),
  // Loaded at run time in the browser; the listed `choices` are its fallback and what the server checks.
  choicesByUrl: z.looseObject({}).optional(),
  choicesFromQuestion: unsupported('choicesFromQuestion is not supported: choices must be listed in the survey'),
};

const count = z.number().int().nonnegative().optional();
const textLength = z.number().int().optional();

export const radiogroupSchema = z.looseObject({ type: z.literal('radiogroup'), ...selectBase });

export const dropdownSchema = z.looseObject({
  type: z.literal('dropdown'),
  ...selectBase,
  // SurveyJS appends the numbers choicesMin..choicesMax (by choicesStep) to `choices`.
  choicesMin: z.number().optional(),
  choicesMax: z.number().optional(),
  choicesStep: z.number().positive().optional(),
});

export const checkboxSchema = z.looseObject({
  type: z.literal('checkbox'),
  ...selectBase,
  showSelectAllItem: flag,
  hasSelectAll: flag,
  minSelectedChoices: count,
  maxSelectedChoices: count,
});

export const ratingSchema = z.looseObject({
  type: z.literal('rating'),
  ...questionBase,
  rateValues: z.array(choiceItemSchema).optional(),
  rateMin: z.number().optional(),
  rateMax: z.number().optional(),
  rateStep: z.number().positive().optional(),
  rateCount: z.number().int().optional(),
  rateType: z.string().optional(),
  autoGenerate: flag,
});

export const commentSchema = z.looseObject({ type: z.literal('comment'), ...questionBase, maxLength: textLength });

export const textSchema = z.looseObject({
  type: z.literal('text'),
  ...questionBase,
  inputType: z.string().optional(),
  maxLength: textLength,
});

const booleanValue = z.union([z.string(), z.number(), z.boolean()], {
  error: 'expected a string, a number or a boolean',
});

export const booleanSchema = z.looseObject({
  type: z.literal('boolean'),
  ...questionBase,
  valueTrue: booleanValue.optional(),
  valueFalse: booleanValue.optional(),
});

export const expressionSchema = z.looseObject({
  type: z.literal('expression'),
  ...questionBase,
  expression: z.string().optional(),
});

export const htmlSchema = z.looseObject({
  type: z.literal('html'),
  name: name.optional(),
  html: localizedTextSchema.optional(),
  visible: flag,
  visibleIf: condition,
});

export const imageSchema = z.looseObject({
  type: z.literal('image'),
  name: name.optional(),
  visible: flag,
  visibleIf: condition,
});

/** A matrix row or a column as SurveyJS lists them; a row may carry its own `dimension`. */
const matrixItem = z.union(
  [
    z.string(),
    z.number(),
    z.looseObject({
      value: choiceValue,
      text: localizedTextSchema.optional(),
      dimension: z.string().optional(),
      satisfiedFrom: z.number().optional(),
    }),
  ],
  { error: 'expected a string, a number or { "value": …, "text": … }' },
);

export const matrixSchema = z.looseObject({
  type: z.literal('matrix'),
  ...questionBase,
  rows: z.array(matrixItem).optional(),
  columns: z.array(matrixItem).optional(),
});

const column = z.looseObject({ name, cellType: z.string().optional(), title: localizedTextSchema.optional() });

export const matrixDropdownSchema = z.looseObject({
  type: z.union([z.literal('matrixdropdown'), z.literal('matrixdynamic')]),
  ...questionBase,
  rows: z.array(matrixItem).optional(),
  columns: z.array(column).optional(),
  choices: z.array(choiceItemSchema).optional(),
});

// Types whose answers Hài Lòng checks through survey-core's model alone (lib/survey/value-rules.ts).
const modelChecked = (type: 'tagbox' | 'ranking' | 'imagepicker' | 'multipletext' | 'slider') =>
  z.looseObject({ type: z.literal(type), ...selectBase });

/** Files and drawings are refused: see README "SurveyJS support" (no file storage, personal data). */
const refused = (type: 'file' | 'signaturepad') => z.looseObject({ type: z.literal(type), ...questionBase });
export const REFUSED_TYPES: ReadonlySet<string> = new Set(['file', 'signaturepad']);

export const panelSchema = z.looseObject({
  type: z.literal('panel'),
  name: name.optional(),
  title: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
  visible: flag,
  visibleIf: condition,
  get elements(): z.ZodOptional<z.ZodArray<typeof elementSchema>> {
    return z.array(elementSchema).optional();
  },
  get questions(): z.ZodOptional<z.ZodArray<typeof elementSchema>> {
    return z.array(elementSchema).optional();
  },
});

export const panelDynamicSchema = z.looseObject({
  type: z.literal('paneldynamic'),
  ...questionBase,
  // The template's questions are checked by survey-core's model (lib/survey/value-rules.ts).
  templateElements: z.array(z.looseObject({ type: z.string() })).optional(),
  templateQuestions: z.array(z.looseObject({ type: z.string() })).optional(),
});

export const SUPPORTED_TYPES = [
  'radiogroup',
  'rating',
  'dropdown',
  'checkbox',
  'tagbox',
  'ranking',
  'imagepicker',
  'comment',
  'text',
  'boolean',
  'slider',
  'matrix',
  'matrixdropdown',
  'matrixdynamic',
  'multipletext',
  'paneldynamic',
  'expression',
  'html',
  'image',
  'panel',
] as const;

export const elementSchema = z.discriminatedUnion(
  'type',
  [
    radiogroupSchema,
    ratingSchema,
    dropdownSchema,
    checkboxSchema,
    commentSchema,
    textSchema,
    booleanSchema,
    expressionSchema,
    htmlSchema,
    imageSchema,
    matrixSchema,
    matrixDropdownSchema,
    modelChecked('tagbox'),
    modelChecked('ranking'),
    modelChecked('imagepicker'),
    modelChecked('multipletext'),
    modelChecked('slider'),
    panelDynamicSchema,
    refused('file'),
    refused('signaturepad'),
    panelSchema,
  ],
  {
    error: (issue) => {
      const input: unknown = issue.input;
      const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
      const supported = SUPPORTED_TYPES.join(', ');
      if (type === undefined) return `missing "type" (supported: ${supported})`;
      return `unsupported question type ${JSON.stringify(type)} (supported: ${supported})`;
    },
  },
);

export const dimensionSchema = z.looseObject({ name, title: localizedTextSchema });

export const pageSchema = z.looseObject({
  name: z.string().optional(),
  title: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
  visible: flag,
  visibleIf: condition,
  elements: z.array(elementSchema).optional(),
  // SurveyJS's older, still supported key for a page's elements.
  questions: z.array(elementSchema).optional(),
});

export const surveySchema = z
  .looseObject({
    title: localizedTextSchema.optional(),
    description: localizedTextSchema.optional(),
    dimensions: z.array(dimensionSchema).optional(),
    maxTextLength: z.number().int().optional(),
    maxCommentLength: z.number().int().optional(),
    storeOthersAsComment: z.boolean().optional(),
    pages: z.array(pageSchema).optional(),
    // A survey without pages: SurveyJS puts top-level elements on one page.
    elements: z.array(elementSchema).optional(),
    questions: z.array(elementSchema).optional(),
  })
  .refine((s) => [s.pages, s.elements, s.questions].some((list) => list !== undefined && list.length > 0), {
    error: 'a survey needs at least one page (pages, or top-level elements)',
  });

export type SurveyDefinition = z.infer<typeof surveySchema>;
export type PageDefinition = z.infer<typeof pageSchema>;
export type ElementDefinition = z.infer<typeof elementSchema>;
export type PanelDefinition = z.infer<typeof panelSchema>;
export type QuestionDefinition = Exclude<
  ElementDefinition,
  PanelDefinition | z.infer<typeof htmlSchema> | z.infer<typeof imageSchema>
>;
export type ChoiceItem = z.infer<typeof choiceItemSchema>;
export type ChoiceQuestion = z.infer<typeof radiogroupSchema | typeof dropdownSchema | typeof checkboxSchema>;
export type RatingQuestion = z.infer<typeof ratingSchema>;

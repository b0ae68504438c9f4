import { z } from 'zod';

/**
 * The subset of SurveyJS JSON that Hài Lòng collects and scores. Objects are loose: properties
 * we do not use (layout, css, SurveyJS Creator metadata, ...) pass through untouched, so a real
 * SurveyJS export loads and is stored as it was written. What would silently break answer
 * validation (answers keyed by another name, choices loaded at run time) is rejected instead.
 */

export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

// Answers arrive as a JSON object keyed by question name: these would reach Object.prototype.
const RESERVED_NAMES = new Set(['constructor', 'prototype']);

const name = z
  .string()
  .regex(NAME_PATTERN, { error: 'must start with a letter and contain only letters, digits and _' })
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
  // Case rules (issue 5): a rating at or below this value opens a case for the desk's unit.
  caseAtOrBelow: z.number().optional(),
  // A yes/no question whose "yes" marks the response's comment as a complaint, which opens a case.
  marksComplaint: flag,
  valueName: unsupported('valueName is not supported: answers are keyed by the question name'),
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
  storeOthersAsComment: z.union([z.literal(true), z.literal('default')], {
    error: 'storeOthersAsComment: false is not supported: the "other" text belongs in <name>-Comment',
  }).optional(),
  choicesByUrl: unsupported('choicesByUrl is not supported: choices must be listed in the survey'),
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
});

export const SUPPORTED_TYPES = [
  'radiogroup',
  'rating',
  'dropdown',
  'checkbox',
  'comment',
  'text',
  'boolean',
  'expression',
  'html',
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
});

export const surveySchema = z.looseObject({
  title: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
  dimensions: z.array(dimensionSchema).optional(),
  maxTextLength: z.number().int().optional(),
  maxCommentLength: z.number().int().optional(),
  storeOthersAsComment: z.union([z.literal(true), z.literal('default')], {
    error: 'storeOthersAsComment: false is not supported: the "other" text belongs in <name>-Comment',
  }).optional(),
  pages: z.array(pageSchema).min(1, { error: 'a survey needs at least one page' }),
});

export type SurveyDefinition = z.infer<typeof surveySchema>;
export type PageDefinition = z.infer<typeof pageSchema>;
export type ElementDefinition = z.infer<typeof elementSchema>;
export type PanelDefinition = z.infer<typeof panelSchema>;
export type QuestionDefinition = Exclude<ElementDefinition, PanelDefinition | z.infer<typeof htmlSchema>>;
export type ChoiceItem = z.infer<typeof choiceItemSchema>;
export type ChoiceQuestion = z.infer<typeof radiogroupSchema | typeof dropdownSchema | typeof checkboxSchema>;
export type RatingQuestion = z.infer<typeof ratingSchema>;

import { z } from 'zod';

import { checkbox, idField, optionalText, requiredText } from './form';

// Desk codes appear in QR links (/s/TTHCC-Q01): keep them URL-safe.
export const pointCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, 'Mã quầy: 1–40 ký tự A-Z, 0-9, . _ - / code: 1–40 characters A-Z, 0-9, . _ -');

export const surveySlugSchema = z
  .string({ error: 'Chọn phiếu khảo sát / choose a survey' })
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Mã phiếu: a-z, 0-9 và - / slug: a-z, 0-9 and -');

/** "quick, sipas" → ['quick', 'sipas']; empty means the default (every survey that ships). */
const surveyList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : []),
  z.array(surveySlugSchema).max(50, 'Tối đa 50 phiếu / at most 50 surveys'),
);

const pointFields = {
  name: requiredText(200, 'tên quầy'),
  nameEn: optionalText(200),
  unitId: idField,
  location: optionalText(200),
  phoneSurvey: surveySlugSchema,
  kioskSurvey: surveySlugSchema,
  offeredSurveys: surveyList,
};

export const pointCreateSchema = z.object({ code: pointCodeSchema, ...pointFields });
export const pointUpdateSchema = z.object({ id: idField, ...pointFields, active: checkbox });

export type PointInput = z.output<typeof pointCreateSchema>;

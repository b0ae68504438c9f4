import { z } from 'zod';

import { PIN_PATTERN } from '@/lib/kiosk/pin';

import { idField, optionalText, requiredText } from './form';

export const deviceCreateSchema = z.object({
  pointCode: requiredText(40, 'quầy'),
  name: optionalText(100),
  pin: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().regex(PIN_PATTERN, 'Mã PIN gồm 4–8 chữ số / the PIN is 4–8 digits').optional(),
  ),
});

export const deviceRenameSchema = z.object({ id: idField, name: requiredText(100, 'tên máy') });
export const deviceIdSchema = z.object({ id: idField });

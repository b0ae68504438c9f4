import { z } from 'zod';

import { idField, optionalId, optionalText } from '@/lib/admin/form';

// An officer's staff record as the admin page and `npm run admin -- officer` take it. The photo is
// optional and small: a data: URL of a PNG, JPEG or WebP shown on the kiosk's attract screen, kept
// in the row (no file storage) and capped so a page of officers stays light.
export const MAX_PHOTO_CHARS = 48 * 1024;
const PHOTO = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

const photoField = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || v.length <= MAX_PHOTO_CHARS, {
    message: `Ảnh tối đa ${MAX_PHOTO_CHARS / 1024} KiB / the photo may be at most ${MAX_PHOTO_CHARS / 1024} KiB`,
  })
  .refine((v) => v === null || PHOTO.test(v), {
    message: 'Ảnh phải là data:image/png|jpeg|webp;base64 / the photo must be a PNG, JPEG or WebP data: URL',
  });

const nameField = z
  .string()
  .trim()
  .min(1, 'Cần nhập họ tên / name required')
  .max(100, 'Tối đa 100 ký tự / at most 100 characters');

export const officerCreateSchema = z.object({
  unitId: idField,
  name: nameField,
  title: optionalText(100).transform((v) => v ?? null),
  photo: photoField,
  userId: optionalId,
});

export const officerUpdateSchema = officerCreateSchema.extend({ id: idField });

export const officerActiveSchema = z.object({
  id: idField,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export type OfficerInput = z.output<typeof officerCreateSchema>;

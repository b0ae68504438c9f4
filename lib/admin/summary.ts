import { z } from 'zod';

import { checkbox, idField, optionalId } from './form';

/** A recipient of the summary e-mail: the department's (no unit) or a unit's; at least one period. */
export const summaryRecipientSchema = z
  .object({
    email: z.string().trim().toLowerCase().email('Địa chỉ e-mail không hợp lệ / invalid e-mail address').max(200),
    unitId: optionalId,
    monthly: checkbox,
    quarterly: checkbox,
  })
  .refine((v) => v.monthly || v.quarterly, {
    path: ['monthly'],
    message: 'Chọn ít nhất một kỳ / choose at least one period',
  });

export const summaryRemoveSchema = z.object({ id: idField });

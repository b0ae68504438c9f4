import { z } from 'zod';

import { messages } from '@/lib/i18n';

// A call-back request after a negative answer (docs/domain.md, privacy): only with explicit consent
// to a stated purpose, at least one way to reach the person, nothing more than needed.

// The consent the person ticked, word for word as the form showed it, is stored with the contact.
export const CONSENT_TEXT = { vi: messages.vi.contactConsent, en: messages.en.contactConsent } as const;

const phone = z
  .string()
  .transform((v) => v.replace(/[\s.()-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^(\+84|0)\d{9,10}$/, { error: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678) / invalid phone number' }),
  );

export const contactRequestSchema = z
  .strictObject({
    responseId: z.uuid({ error: 'responseId must be the UUID of the response' }).transform((id) => id.toLowerCase()),
    name: z.string().trim().max(100, { error: 'Tên tối đa 100 ký tự / name too long' }).optional(),
    phone: z.union([z.literal(''), phone]).optional(),
    email: z.union([z.literal(''), z.email({ error: 'Email không hợp lệ / invalid email' }).max(200)]).optional(),
    locale: z.enum(['vi', 'en']).default('vi'),
    consent: z.literal(true, { error: 'Cần đồng ý để chúng tôi liên hệ / consent is required' }),
  })
  .refine((v) => Boolean(v.phone || v.email), {
    path: ['phone'],
    error: 'Nhập số điện thoại hoặc email / give a phone number or an email',
  });

export type ContactRequest = z.infer<typeof contactRequestSchema>;

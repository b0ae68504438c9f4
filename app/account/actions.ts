'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';

import { getDb } from '@/db';
import { changePassword } from '@/server/auth';
import { passwordSchema } from '@/lib/auth/password-policy';
import { currentPrincipal, SESSION_COOKIE, sessionCookieOptions } from '@/server/session';

export type PasswordFormState = {
  ok?: boolean;
  errors?: Partial<Record<'current' | 'next' | 'confirm' | 'form', string>>;
};

const form = z
  .object({
    current: z.string().min(1, 'Nhập mật khẩu hiện tại. / Enter your current password.').max(200),
    next: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, {
    path: ['confirm'],
    message: 'Hai mật khẩu mới không khớp. / The new passwords differ.',
  })
  .refine((v) => v.next !== v.current, {
    path: ['next'],
    message: 'Mật khẩu mới phải khác mật khẩu cũ. / Choose a different password.',
  });

export async function changePasswordAction(_prev: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  const principal = await currentPrincipal();
  if (!principal || principal.kind !== 'user')
    return { errors: { form: 'Phiên đăng nhập đã hết hạn. / Your session has expired.' } };
  const parsed = form.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors: PasswordFormState['errors'] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as 'current' | 'next' | 'confirm';
      errors[key] ??= issue.message;
    }
    return { errors };
  }
  const outcome = await changePassword(getDb(), {
    userId: principal.id,
    current: parsed.data.current,
    next: parsed.data.next,
    now: Date.now(),
  });
  if (!outcome.ok) return { errors: { current: outcome.message } };
  (await cookies()).set(SESSION_COOKIE, outcome.token, sessionCookieOptions());
  return { ok: true };
}

'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';

import { getDb } from '@/db';
import { attemptLogin, logout } from '@/server/auth';
import { usernameSchema } from '@/lib/auth/password-policy';
import { homePath } from '@/lib/auth/permissions';
import { rateLimitKey } from '@/server/client-key';
import { appSecret } from '@/server/secret';
import { SESSION_COOKIE, sessionCookieOptions } from '@/server/session';

const form = z.object({ username: usernameSchema, password: z.string().min(1).max(200), next: z.string().optional() });

/** Only same-site paths: an attacker's ?next=https://evil.example must not become a redirect. */
const safeNext = (next: string | undefined) => (next && /^\/(?!\/)[\w\-/?=&.%]*$/.test(next) ? next : null);

export async function login(formData: FormData): Promise<void> {
  const parsed = form.safeParse(Object.fromEntries(formData));
  const next = safeNext(typeof formData.get('next') === 'string' ? String(formData.get('next')) : undefined);
  const back = (error: string) => redirect(`/login?error=${error}${next ? `&next=${encodeURIComponent(next)}` : ''}`);

  if (!parsed.success) back('invalid');

  // Failures are throttled per (name, client) and per client inside attemptLogin (server/auth.ts).
  const client = rateLimitKey(await headers(), appSecret());
  const outcome = await attemptLogin(getDb(), {
    username: parsed.data!.username,
    password: parsed.data!.password,
    now: Date.now(),
    client,
  });
  if (!outcome.ok) back(outcome.code === 'throttled' ? 'rate' : 'invalid');
  else {
    (await cookies()).set(SESSION_COOKIE, outcome.token, sessionCookieOptions());
    redirect(next ?? homePath(outcome.user.role));
  }
}

export async function logoutAction(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await logout(getDb(), { token, now: Date.now() });
  jar.delete(SESSION_COOKIE);
  redirect('/login');
}

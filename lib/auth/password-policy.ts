import { z } from 'zod';

// NIST SP 800-63B: length over composition rules; a passphrase is welcome.
export const passwordSchema = z
  .string()
  .min(10, 'Mật khẩu cần ít nhất 10 ký tự / at least 10 characters')
  .max(200, 'Mật khẩu tối đa 200 ký tự / at most 200 characters');

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập: 3–40 ký tự a-z, 0-9, . _ - / 3–40 characters a-z, 0-9, . _ -');

export const LOCKOUT = { maxFailures: 5, lockMs: 15 * 60_000 } as const;

/** After a failed attempt: how many failures now, and until when the account is locked. */
export function afterFailure(failures: number, now: number): { failures: number; lockedUntil: number | null } {
  const next = failures + 1;
  return next >= LOCKOUT.maxFailures ? { failures: 0, lockedUntil: now + LOCKOUT.lockMs } : { failures: next, lockedUntil: null };
}

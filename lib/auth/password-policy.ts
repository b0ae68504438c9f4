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

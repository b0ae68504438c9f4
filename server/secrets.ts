import { createHash, randomBytes } from 'node:crypto';

import argon2 from 'argon2';

/** A bearer secret (session cookie, API token, pairing link): 256 random bits, URL-safe. */
export const newSecretToken = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/** Tokens are stored as sha256: high-entropy secrets need no slow hash, only a one-way one. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

// argon2id with the library's defaults (64 MiB, t=3, p=4): OWASP's recommended family.
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash must not become a 500 on the login page
  }
}

// Verified against when the username does not exist, so both cases take the same time.
let dummyHash: Promise<string> | undefined;
export const timingDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

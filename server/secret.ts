import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { getConfig, sqlitePathFromUrl } from '@/lib/config';

let secret: string | undefined;

/** Where a deployment without APP_SECRET keeps the secret generated for it: beside the SQLite file. */
export function generatedSecretFile(): string {
  return join(dirname(sqlitePathFromUrl(getConfig().DATABASE_URL)), '.app-secret');
}

/**
 * APP_SECRET, or one generated once into the data folder beside the database, so hashes and
 * signatures survive restarts without an operator having to invent a secret.
 */
export function appSecret(): string {
  if (secret) return secret;
  const cfg = getConfig();
  if (cfg.APP_SECRET) return (secret = cfg.APP_SECRET);
  const file = generatedSecretFile();
  if (existsSync(file)) {
    secret = readFileSync(file, 'utf8').trim();
  } else {
    mkdirSync(dirname(file), { recursive: true });
    const fresh = randomBytes(32).toString('base64url');
    try {
      writeFileSync(file, fresh + '\n', { mode: 0o600, flag: 'wx' });
      secret = fresh;
    } catch (err) {
      // Another process created it first: use theirs so both hash alike.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      secret = readFileSync(file, 'utf8').trim();
    }
  }
  return secret;
}

import { and, desc, eq, isNull, sql } from 'drizzle-orm';

import type { Role } from '@/lib/auth/permissions';

import type { Db } from '../index';
import { appendAudit } from './audit';
import { apiTokens } from '../schema';

export function createApiToken(
  db: Db,
  input: { name: string; tokenHash: string; role: Role; unitId: number | null },
  actor: { userId: number | null; label: string },
) {
  return db.transaction((tx) => {
    const row = tx.insert(apiTokens).values(input).returning({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role }).get();
    appendAudit(tx, { actorUserId: actor.userId, actor: actor.label, action: 'token.create', entity: 'api_token', entityId: row.id, after: { name: input.name, role: input.role, unitId: input.unitId } });
    return row;
  });
}

/** A live token by its hash, marking when it was last used (at most once a minute). */
export function findApiToken(db: Db, { tokenHash, now }: { tokenHash: string; now: number }) {
  const row = db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt))).get();
  if (row && (row.lastUsedAt === null || now - row.lastUsedAt > 60_000)) {
    db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run();
  }
  return row ?? null;
}

export function revokeApiToken(db: Db, { id, now }: { id: number; now: number }, actor: { userId: number | null; label: string }): boolean {
  return db.transaction((tx) => {
    const { changes } = tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).run();
    if (changes > 0) appendAudit(tx, { actorUserId: actor.userId, actor: actor.label, action: 'token.revoke', entity: 'api_token', entityId: id });
    return changes > 0;
  });
}

export type ApiTokenRow = { id: number; name: string; role: Role; unitId: number | null; createdAt: number; lastUsedAt: number | null; revokedAt: number | null };

/** Every token, live ones first; never the hash. */
export function listApiTokens(db: Db): ApiTokenRow[] {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role, unitId: apiTokens.unitId, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .orderBy(sql`${apiTokens.revokedAt} IS NOT NULL`, desc(apiTokens.createdAt), desc(apiTokens.id))
    .all();
}

import { and, desc, eq, isNull, sql } from 'drizzle-orm';

import type { Role } from '@/lib/auth/permissions';

import { first, withTransaction, type Queryable } from '../index';
import { appendAudit } from './audit';
import { apiTokens } from '../schema';

export async function createApiToken(
  db: Queryable,
  input: { name: string; tokenHash: string; role: Role; unitId: number | null },
  actor: { userId: number | null; label: string },
) {
  return withTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values(input)
      .returning({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role });
    await appendAudit(tx, {
      by: actor,
      action: 'token.create',
      entity: 'api_token',
      entityId: row!.id,
      after: { name: input.name, role: input.role, unitId: input.unitId },
    });
    return row!;
  });
}

/** A live token by its hash, marking when it was last used (at most once a minute). */
export async function findApiToken(db: Queryable, { tokenHash, now }: { tokenHash: string; now: number }) {
  const row = first(
    await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt))),
  );
  if (row && (row.lastUsedAt === null || now - row.lastUsedAt > 60_000)) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return row;
}

export async function revokeApiToken(
  db: Queryable,
  { id, now }: { id: number; now: number },
  actor: { userId: number | null; label: string },
): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length > 0)
      await appendAudit(tx, {
        by: actor,
        action: 'token.revoke',
        entity: 'api_token',
        entityId: id,
      });
    return revoked.length > 0;
  });
}

export type ApiTokenRow = {
  id: number;
  name: string;
  role: Role;
  unitId: number | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};

/** Every token, live ones first; never the hash. */
export async function listApiTokens(db: Queryable): Promise<ApiTokenRow[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      unitId: apiTokens.unitId,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .orderBy(
      sql`CASE WHEN ${apiTokens.revokedAt} IS NULL THEN 0 ELSE 1 END`,
      desc(apiTokens.createdAt),
      desc(apiTokens.id),
    );
}

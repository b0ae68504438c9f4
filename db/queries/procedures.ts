import { and, asc, eq, sql } from 'drizzle-orm';

import type { Db } from '../index';
import { pointProcedures, procedures } from '../schema';

export type ProcedureRef = { id: number; code: string; name: string };

function prepareFindProcedure(db: Db) {
  return db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name })
    .from(procedures)
    .where(and(eq(procedures.code, sql.placeholder('code')), eq(procedures.active, true)))
    .prepare();
}

const findProcedureStatements = new WeakMap<Db, ReturnType<typeof prepareFindProcedure>>();

/** An active procedure of the catalogue; on the ingest path, so prepared once per connection. */
export function findProcedureByCode(db: Db, { code }: { code: string }): ProcedureRef | null {
  let stmt = findProcedureStatements.get(db);
  if (!stmt) findProcedureStatements.set(db, (stmt = prepareFindProcedure(db)));
  return stmt.get({ code }) ?? null;
}

/** The procedures handled at one desk, as listed at its reception counter. */
export function listPointProcedures(db: Db, { pointId }: { pointId: number }): ProcedureRef[] {
  return db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name })
    .from(pointProcedures)
    .innerJoin(procedures, eq(procedures.id, pointProcedures.procedureId))
    .where(and(eq(pointProcedures.pointId, pointId), eq(procedures.active, true)))
    .orderBy(asc(procedures.code))
    .all();
}

import { and, asc, eq } from 'drizzle-orm';

import type { Db } from '../index';
import { pointProcedures, procedures } from '../schema';

export type ProcedureRef = { id: number; code: string; name: string };

export function findProcedureByCode(db: Db, { code }: { code: string }): ProcedureRef | null {
  return (
    db
      .select({ id: procedures.id, code: procedures.code, name: procedures.name })
      .from(procedures)
      .where(and(eq(procedures.code, code), eq(procedures.active, true)))
      .get() ?? null
  );
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

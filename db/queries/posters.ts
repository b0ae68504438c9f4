import { and, asc, eq, inArray } from 'drizzle-orm';

import type { Db } from '../index';
import { servicePoints, units } from '../schema';
import { unitSubtreeIds } from './units';

export type PosterPoint = { code: string; name: string; nameEn: string | null; location: string | null; unitName: string; unitNameEn: string | null };

const columns = {
  code: servicePoints.code,
  name: servicePoints.name,
  nameEn: servicePoints.nameEn,
  location: servicePoints.location,
  unitName: units.name,
  unitNameEn: units.nameEn,
};

/** One active desk of an active unit, as printed on its poster. */
export function findPosterPoint(db: Db, { code }: { code: string }): PosterPoint | null {
  return (
    db
      .select(columns)
      .from(servicePoints)
      .innerJoin(units, eq(units.id, servicePoints.unitId))
      .where(and(eq(servicePoints.code, code), eq(servicePoints.active, true), eq(units.active, true)))
      .get() ?? null
  );
}

/** A unit and the active desks of its subtree (a department prints its divisions' desks too). */
export function listPosterPointsOfUnit(db: Db, { code }: { code: string }): { unitName: string; points: PosterPoint[] } | null {
  const unit = db.select({ id: units.id, name: units.name }).from(units).where(eq(units.code, code)).get();
  if (!unit) return null;
  const ids = [...unitSubtreeIds(db, unit.id)];
  const points = db
    .select(columns)
    .from(servicePoints)
    .innerJoin(units, eq(units.id, servicePoints.unitId))
    .where(and(inArray(servicePoints.unitId, ids), eq(servicePoints.active, true), eq(units.active, true)))
    .orderBy(asc(servicePoints.code))
    .all();
  return { unitName: unit.name, points };
}

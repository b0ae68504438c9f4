import { and, asc, eq, inArray } from 'drizzle-orm';

import { first, type Queryable } from '../index';
import { servicePoints, units } from '../schema';
import { unitSubtreeIds } from './units';

export type PosterPoint = {
  code: string;
  name: string;
  nameEn: string | null;
  location: string | null;
  unitName: string;
  unitNameEn: string | null;
};

const columns = {
  code: servicePoints.code,
  name: servicePoints.name,
  nameEn: servicePoints.nameEn,
  location: servicePoints.location,
  unitName: units.name,
  unitNameEn: units.nameEn,
};

/** One active desk of an active unit, as printed on its poster. */
export async function findPosterPoint(db: Queryable, { code }: { code: string }): Promise<PosterPoint | null> {
  return first(
    await db
      .select(columns)
      .from(servicePoints)
      .innerJoin(units, eq(units.id, servicePoints.unitId))
      .where(and(eq(servicePoints.code, code), eq(servicePoints.active, true), eq(units.active, true))),
  );
}

/** A unit and the active desks of its subtree (a department prints its divisions' desks too). */
export async function listPosterPointsOfUnit(
  db: Queryable,
  { code }: { code: string },
): Promise<{ unitName: string; points: PosterPoint[] } | null> {
  const unit = first(await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.code, code)));
  if (!unit) return null;
  const ids = [...(await unitSubtreeIds(db, unit.id))];
  const points = await db
    .select(columns)
    .from(servicePoints)
    .innerJoin(units, eq(units.id, servicePoints.unitId))
    .where(and(inArray(servicePoints.unitId, ids), eq(servicePoints.active, true), eq(units.active, true)))
    .orderBy(asc(servicePoints.code));
  return { unitName: unit.name, points };
}

import { asc, eq } from 'drizzle-orm';

import type { Db } from '../index';
import { servicePoints, units } from '../schema';

export type PointWithUnit = {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  active: boolean;
  phoneSurvey: string;
  kioskSurvey: string;
  unit: { id: number; code: string; name: string; nameEn: string | null; active: boolean };
};

const pointColumns = {
  id: servicePoints.id,
  code: servicePoints.code,
  name: servicePoints.name,
  nameEn: servicePoints.nameEn,
  active: servicePoints.active,
  phoneSurvey: servicePoints.phoneSurvey,
  kioskSurvey: servicePoints.kioskSurvey,
  unit: {
    id: units.id,
    code: units.code,
    name: units.name,
    nameEn: units.nameEn,
    active: units.active,
  },
};

/** A desk by its code with its unit, active or not (callers decide what inactive means). */
export function findPointByCode(db: Db, { code }: { code: string }): PointWithUnit | null {
  const row = db
    .select(pointColumns)
    .from(servicePoints)
    .innerJoin(units, eq(units.id, servicePoints.unitId))
    .where(eq(servicePoints.code, code))
    .get();
  return row ?? null;
}

/** Every active desk of an active unit, ordered for a picker. */
export function listActivePoints(db: Db): PointWithUnit[] {
  return db
    .select(pointColumns)
    .from(servicePoints)
    .innerJoin(units, eq(units.id, servicePoints.unitId))
    .where(eq(servicePoints.active, true))
    .orderBy(asc(units.code), asc(servicePoints.code))
    .all()
    .filter((p) => p.unit.active);
}

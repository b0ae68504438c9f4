import { asc, eq, sql } from 'drizzle-orm';

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

function prepareFindPoint(db: Db) {
  return db
    .select(pointColumns)
    .from(servicePoints)
    .innerJoin(units, eq(units.id, servicePoints.unitId))
    .where(eq(servicePoints.code, sql.placeholder('code')))
    .prepare();
}

// Every response looks its desk up: the statement is built once per connection.
const findPointStatements = new WeakMap<Db, ReturnType<typeof prepareFindPoint>>();

/** A desk by its code with its unit, active or not (callers decide what inactive means). */
export function findPointByCode(db: Db, { code }: { code: string }): PointWithUnit | null {
  let stmt = findPointStatements.get(db);
  if (!stmt) findPointStatements.set(db, (stmt = prepareFindPoint(db)));
  return stmt.get({ code }) ?? null;
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

/** Desks grouped under their unit, in the order given (for pickers). */
export function groupByUnit(points: PointWithUnit[]): Array<{ unit: PointWithUnit['unit']; points: PointWithUnit[] }> {
  const groups = new Map<string, { unit: PointWithUnit['unit']; points: PointWithUnit[] }>();
  for (const p of points) {
    const g = groups.get(p.unit.code) ?? { unit: p.unit, points: [] };
    g.points.push(p);
    groups.set(p.unit.code, g);
  }
  return [...groups.values()];
}

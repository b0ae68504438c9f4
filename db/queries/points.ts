import { asc, eq, sql } from 'drizzle-orm';

import { first, withTransaction, type Db, type Queryable } from '../index';
import { storedOffer } from '@/lib/survey/offered';

import { appendAudit, type AuditActor } from './audit';
import { servicePoints, surveys, units } from '../schema';
import { refuse, type Failure } from '@/lib/result';

export type PointWithUnit = {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  active: boolean;
  phoneSurvey: string;
  kioskSurvey: string;
  offeredSurveys: string | null;
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
  offeredSurveys: servicePoints.offeredSurveys,
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
export async function findPointByCode(db: Db, { code }: { code: string }): Promise<PointWithUnit | null> {
  let stmt = findPointStatements.get(db);
  if (!stmt) findPointStatements.set(db, (stmt = prepareFindPoint(db)));
  return first(await stmt.execute({ code }));
}

/** Every active desk of an active unit, ordered for a picker. */
export async function listActivePoints(db: Queryable): Promise<PointWithUnit[]> {
  const rows = await db
    .select(pointColumns)
    .from(servicePoints)
    .innerJoin(units, eq(units.id, servicePoints.unitId))
    .where(eq(servicePoints.active, true))
    .orderBy(asc(units.code), asc(servicePoints.code));
  return rows.filter((p) => p.unit.active);
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

export type PointRow = PointWithUnit & { location: string | null; unitId: number };

const adminPointColumns = { ...pointColumns, location: servicePoints.location, unitId: servicePoints.unitId };

/** Every desk, active or not, for the admin list. */
export async function listPoints(db: Queryable): Promise<PointRow[]> {
  return db
    .select(adminPointColumns)
    .from(servicePoints)
    .innerJoin(units, eq(units.id, servicePoints.unitId))
    .orderBy(asc(units.code), asc(servicePoints.code));
}

async function findPointRow(db: Queryable, where: { id: number } | { code: string }): Promise<PointRow | null> {
  const cond = 'id' in where ? eq(servicePoints.id, where.id) : eq(servicePoints.code, where.code);
  return first(
    await db
      .select(adminPointColumns)
      .from(servicePoints)
      .innerJoin(units, eq(units.id, servicePoints.unitId))
      .where(cond),
  );
}
export const findPointForAdmin = findPointRow;

type PointFields = {
  name: string;
  nameEn?: string;
  unitId: number;
  location?: string;
  phoneSurvey: string;
  kioskSurvey: string;
  offeredSurveys?: readonly string[];
};

export type PointChange =
  | { ok: true; point: PointRow }
  | Failure<'not_found' | 'duplicate' | 'unit_missing' | 'survey_missing' | 'survey_unpublished'>;

/** The references a desk's fields make must exist: its unit and every survey slug. */
async function checkReferences(db: Queryable, input: PointFields): Promise<PointChange | null> {
  if (!first(await db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId))))
    return refuse('unit_missing', 'unitId');
  const slugs: [string, string][] = [
    ['phoneSurvey', input.phoneSurvey],
    ['kioskSurvey', input.kioskSurvey],
    ...(input.offeredSurveys ?? []).map((s): [string, string] => ['offeredSurveys', s]),
  ];
  for (const [field, slug] of slugs) {
    const survey = first(
      await db.select({ published: surveys.publishedVersion }).from(surveys).where(eq(surveys.slug, slug)),
    );
    if (!survey) return refuse('survey_missing', field);
    // A desk whose survey has no published version would show citizens an error page.
    if (survey.published === null) return refuse('survey_unpublished', field);
  }
  return null;
}

const stored = (input: PointFields) => ({
  name: input.name,
  nameEn: input.nameEn ?? null,
  unitId: input.unitId,
  location: input.location ?? null,
  phoneSurvey: input.phoneSurvey,
  kioskSurvey: input.kioskSurvey,
  offeredSurveys: storedOffer(input.offeredSurveys ?? []),
});

export async function createPoint(
  db: Queryable,
  input: PointFields & { code: string },
  actor: AuditActor,
): Promise<PointChange> {
  return withTransaction(db, async (tx): Promise<PointChange> => {
    if (await findPointRow(tx, { code: input.code })) return refuse('duplicate', 'code');
    const problem = await checkReferences(tx, input);
    if (problem) return problem;
    const [row] = await tx
      .insert(servicePoints)
      .values({ code: input.code, ...stored(input) })
      .returning({ id: servicePoints.id });
    const id = row!.id;
    await appendAudit(tx, {
      by: actor,
      action: 'point.create',
      entity: 'service_point',
      entityId: id,
      after: { code: input.code, ...stored(input) },
    });
    return { ok: true, point: (await findPointRow(tx, { id }))! };
  });
}

export async function updatePoint(
  db: Queryable,
  { id, active, ...input }: PointFields & { id: number; active: boolean },
  actor: AuditActor,
): Promise<PointChange> {
  return withTransaction(db, async (tx): Promise<PointChange> => {
    const before = first(await tx.select().from(servicePoints).where(eq(servicePoints.id, id)));
    if (!before) return refuse('not_found', 'id');
    const problem = await checkReferences(tx, input);
    if (problem) return problem;
    const change = { ...stored(input), active };
    await tx.update(servicePoints).set(change).where(eq(servicePoints.id, id));
    const changed = Object.keys(change).filter(
      (k) => before[k as keyof typeof change] !== change[k as keyof typeof change],
    );
    if (changed.length > 0) {
      await appendAudit(tx, {
        by: actor,
        action: 'point.update',
        entity: 'service_point',
        entityId: id,
        before: Object.fromEntries(changed.map((k) => [k, before[k as keyof typeof change]])),
        after: Object.fromEntries(changed.map((k) => [k, change[k as keyof typeof change]])),
      });
    }
    return { ok: true, point: (await findPointRow(tx, { id }))! };
  });
}

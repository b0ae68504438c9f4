import { and, asc, eq } from 'drizzle-orm';

import type { Queryable } from '../index';
import type { ProcedureRef } from './procedures';
import { procedures, servicePoints, surveys, surveyVersions, units } from '../schema';

// Reference lists for dashboard filters and labels: the active units, desks and procedures,
// small tables read whole. The admin pages list every row, active or not (units.ts, points.ts).

export type UnitRef = { id: number; code: string; name: string; parentId: number | null };
export type PointRef = { id: number; code: string; name: string; unitId: number };
export type SurveyRow = { slug: string; title: string };
export type SurveyVersionsRow = {
  slug: string;
  versionIds: number[];
  published: { versionId: number; definition: string } | null;
};

export async function listActiveUnits(db: Queryable): Promise<UnitRef[]> {
  return db
    .select({ id: units.id, code: units.code, name: units.name, parentId: units.parentId })
    .from(units)
    .where(eq(units.active, true))
    .orderBy(asc(units.code));
}

export async function listActivePoints(db: Queryable): Promise<PointRef[]> {
  return db
    .select({ id: servicePoints.id, code: servicePoints.code, name: servicePoints.name, unitId: servicePoints.unitId })
    .from(servicePoints)
    .where(eq(servicePoints.active, true))
    .orderBy(asc(servicePoints.code));
}

export async function listActiveProcedures(db: Queryable): Promise<ProcedureRef[]> {
  return db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name })
    .from(procedures)
    .where(eq(procedures.active, true))
    .orderBy(asc(procedures.code));
}

export async function listSurveys(db: Queryable): Promise<SurveyRow[]> {
  return db
    .select({ slug: surveys.slug, title: surveyVersions.title })
    .from(surveys)
    .innerJoin(
      surveyVersions,
      and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.publishedVersion)),
    )
    .orderBy(asc(surveys.slug));
}

/** Every version id of a survey (indices span versions) and its published definition. */
export async function findSurveyVersions(db: Queryable, { slug }: { slug: string }): Promise<SurveyVersionsRow | null> {
  const rows = await db
    .select({
      versionId: surveyVersions.id,
      version: surveyVersions.version,
      publishedVersion: surveys.publishedVersion,
      definition: surveyVersions.definition,
    })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.surveyId, surveys.id))
    .where(eq(surveys.slug, slug))
    .orderBy(asc(surveyVersions.version));
  if (rows.length === 0) return null;
  const published = rows.find((r) => r.version === r.publishedVersion) ?? null;
  return {
    slug,
    versionIds: rows.map((r) => r.versionId),
    published: published && { versionId: published.versionId, definition: published.definition },
  };
}

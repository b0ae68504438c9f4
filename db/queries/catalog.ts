import type { Db } from '../index';

// Reference lists for dashboard filters and labels: small tables, read whole.

export type UnitRow = { id: number; code: string; name: string; parentId: number | null };
export type PointRow = { id: number; code: string; name: string; unitId: number };
export type ProcedureRow = { id: number; code: string; name: string };
export type SurveyRow = { slug: string; title: string };
export type SurveyVersionsRow = { slug: string; versionIds: number[]; published: { versionId: number; definition: string } | null };

export function listUnits(db: Db): UnitRow[] {
  return db.$client.prepare('SELECT id, code, name, parent_id AS parentId FROM units WHERE active = 1 ORDER BY code').all() as UnitRow[];
}

export function listPoints(db: Db): PointRow[] {
  return db.$client
    .prepare('SELECT id, code, name, unit_id AS unitId FROM service_points WHERE active = 1 ORDER BY code')
    .all() as PointRow[];
}

export function listProcedures(db: Db): ProcedureRow[] {
  return db.$client.prepare('SELECT id, code, name FROM procedures WHERE active = 1 ORDER BY code').all() as ProcedureRow[];
}

export function listSurveys(db: Db): SurveyRow[] {
  return db.$client
    .prepare(
      `SELECT s.slug, sv.title FROM surveys s
       JOIN survey_versions sv ON sv.survey_id = s.id AND sv.version = s.published_version ORDER BY s.slug`,
    )
    .all() as SurveyRow[];
}

/** Every version id of a survey (indices span versions) and its published definition. */
export function findSurveyVersions(db: Db, { slug }: { slug: string }): SurveyVersionsRow | null {
  const rows = db.$client
    .prepare(
      `SELECT sv.id AS versionId, sv.version = s.published_version AS published, sv.definition
       FROM surveys s JOIN survey_versions sv ON sv.survey_id = s.id WHERE s.slug = ? ORDER BY sv.version`,
    )
    .all(slug) as { versionId: number; published: number; definition: string }[];
  if (rows.length === 0) return null;
  const published = rows.find((r) => r.published === 1) ?? null;
  return {
    slug,
    versionIds: rows.map((r) => r.versionId),
    published: published && { versionId: published.versionId, definition: published.definition },
  };
}

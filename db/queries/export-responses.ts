import { and, asc, eq, gt, or } from 'drizzle-orm';

import type { Queryable } from '../index';
import { procedures, responses, servicePoints, surveyVersions, units } from '../schema';
import { responseConditions } from './response-filter';
import type { RollupFilter } from './rollup-reads';

export type ExportRow = {
  id: string;
  completedAt: number;
  unit: string;
  point: string;
  procedure: string | null;
  channel: string;
  version: number;
  flags: number;
  answers: string;
};

export type ExportCursor = { completedAt: number; id: string } | null;

/**
 * One batch of raw responses in (completed_at, id) order after `cursor`. Keyset paging: each
 * batch is a short read, so a million-row export never holds the connection (which also serves
 * ingest) for long and never holds more than one batch in memory. The dossier number is never
 * exported (personal data, docs/domain.md, privacy). Repeat-flagged responses are included and marked.
 */
export async function exportBatch(
  db: Queryable,
  f: RollupFilter,
  cursor: ExportCursor,
  limit: number,
): Promise<ExportRow[]> {
  if (f.versionIds.length === 0 || (f.unitIds !== null && f.unitIds.length === 0)) return [];
  const conds = responseConditions(f);
  if (cursor) {
    conds.push(
      or(
        gt(responses.completedAt, cursor.completedAt),
        and(eq(responses.completedAt, cursor.completedAt), gt(responses.id, cursor.id)),
      )!,
    );
  }
  return db
    .select({
      id: responses.id,
      completedAt: responses.completedAt,
      unit: units.name,
      point: servicePoints.name,
      procedure: procedures.code,
      channel: responses.channel,
      version: surveyVersions.version,
      flags: responses.flags,
      answers: responses.answers,
    })
    .from(responses)
    .innerJoin(units, eq(units.id, responses.unitId))
    .innerJoin(servicePoints, eq(servicePoints.id, responses.pointId))
    .innerJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
    .leftJoin(procedures, eq(procedures.id, responses.procedureId))
    .where(and(...conds))
    .orderBy(asc(responses.completedAt), asc(responses.id))
    .limit(limit);
}

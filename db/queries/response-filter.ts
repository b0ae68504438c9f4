import { endOfLocalDayMs, startOfLocalDayMs } from '@/lib/time/local';

import type { RollupFilter } from './rollup-reads';

/**
 * The WHERE conditions (on `responses r`) and parameters of a view's filter, for the queries that
 * read raw responses rather than rollups (comments, exports).
 */
export function responseConditions(f: RollupFilter): { conds: string[]; params: unknown[] } {
  const conds = [`r.survey_version_id IN (${f.versionIds.map(() => '?').join(', ')})`, 'r.completed_at >= ? AND r.completed_at < ?'];
  const params: unknown[] = [...f.versionIds, startOfLocalDayMs(f.from), endOfLocalDayMs(f.to)];
  if (f.unitIds !== null) {
    conds.push(`r.unit_id IN (${f.unitIds.map(() => '?').join(', ')})`);
    params.push(...f.unitIds);
  }
  for (const [column, value] of [
    ['r.point_id', f.pointId],
    ['r.channel', f.channel],
    ['r.procedure_id', f.procedureId],
  ] as const) {
    if (value === null || value === undefined) continue;
    conds.push(`${column} = ?`);
    params.push(value);
  }
  return { conds, params };
}

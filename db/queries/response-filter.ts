import { gte, inArray, lt, sql, type SQL } from 'drizzle-orm';

import { endOfLocalDayMs, startOfLocalDayMs } from '@/lib/time/local';

import { responses } from '../schema';
import type { RollupFilter } from './rollup-reads';

/**
 * The WHERE conditions (on `responses`) of a view's filter, for the queries that read raw
 * responses rather than rollups (comments, exports). The caller makes sure `versionIds` and a
 * non-null `unitIds` are not empty.
 */
export function responseConditions(f: RollupFilter): SQL[] {
  const conds: SQL[] = [
    inArray(responses.surveyVersionId, [...f.versionIds]),
    gte(responses.completedAt, startOfLocalDayMs(f.from)),
    lt(responses.completedAt, endOfLocalDayMs(f.to)),
  ];
  if (f.unitIds !== null) conds.push(inArray(responses.unitId, [...f.unitIds]));
  if (f.pointId !== null && f.pointId !== undefined) conds.push(sql`${responses.pointId} = ${f.pointId}`);
  if (f.channel !== null && f.channel !== undefined) conds.push(sql`${responses.channel} = ${f.channel}`);
  if (f.procedureId !== null && f.procedureId !== undefined)
    conds.push(sql`${responses.procedureId} = ${f.procedureId}`);
  return conds;
}

import { and, sql } from 'drizzle-orm';

import { rawAll, type Queryable } from '../index';
import { answers, EXCLUDED_FLAGS, responses } from '../schema';
import { responseConditions } from './response-filter';
import type { RollupFilter } from './rollup-reads';

export type RespondentValues = { outcome: number; values: (number | null)[] };

/**
 * One row per respondent of the scope who answered `outcome`: that answer and the answers to
 * `criteria` (null where skipped), pivoted in SQL. A regression needs the respondents, not the
 * counts; at most `cap` of them are read: those with the smallest ids, which, ids being random
 * UUIDs, are a uniform sample that is the same on every read. Repeat presses and bursts (EXCLUDED_FLAGS) are left out.
 */
export async function readRespondentValues(
  db: Queryable,
  f: RollupFilter,
  { outcome, criteria, cap }: { outcome: string; criteria: readonly string[]; cap: number },
): Promise<RespondentValues[]> {
  if (f.versionIds.length === 0 || (f.unitIds !== null && f.unitIds.length === 0)) return [];
  const sample = sql`SELECT ${responses.id} AS id FROM ${responses}
    WHERE ${and(...responseConditions(f), sql`(${responses.flags} & ${sql.raw(String(EXCLUDED_FLAGS))}) = 0`)}
      AND EXISTS (SELECT 1 FROM ${answers} o WHERE o.response_id = ${responses.id} AND o.question = ${outcome})
    ORDER BY ${responses.id} LIMIT ${cap}`;
  // No `question IN (…)` on the join: each response's answers are one range of the answers key,
  // read whole, and the CASEs pick the columns; a lookup per (response, question) pair cost about
  // 1.2× more on the demo year, a quarter × all desks (docs/priorities.md).
  const columns = [outcome, ...criteria].map(
    (q, i) => sql`MAX(CASE WHEN a.question = ${q} THEN a.value END) AS ${sql.raw(`c${i}`)}`,
  );
  const rows = await rawAll<Record<string, number | string | null>>(
    db,
    sql`SELECT s.id, ${sql.join(columns, sql`, `)}
      FROM (${sample}) s JOIN ${answers} a ON a.response_id = s.id
      GROUP BY s.id ORDER BY s.id`,
  );
  // PostgreSQL may hand integers of an aggregate back as strings.
  const num = (v: number | string | null | undefined): number | null =>
    v === null || v === undefined ? null : Number(v);
  return rows.map((r) => ({ outcome: num(r.c0)!, values: criteria.map((_, i) => num(r[`c${i + 1}`])) }));
}

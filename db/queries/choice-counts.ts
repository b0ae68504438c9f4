import { and, sql } from 'drizzle-orm';

import { dialectOf, rawAll, type Queryable } from '../index';
import { EXCLUDED_FLAGS, responses } from '../schema';
import { responseConditions } from './response-filter';
import type { RollupFilter } from './rollup-reads';

/**
 * Per unit and desk: respondents who answered the question, and how many of them chose each value;
 * `commented`: how many of those also left a comment.
 */
export type ChoiceCountRow = {
  unitId: number;
  pointId: number;
  choice: string | null;
  count: number;
  commented: number;
};

/**
 * How often each choice of a multiple-choice question (a SurveyJS `checkbox`, stored as a JSON
 * array in the response) was picked, per unit and desk, counted in SQL. Rows with `choice: null`
 * give the respondents who answered the question at all, the denominator of each share. Repeat
 * presses and bursts (EXCLUDED_FLAGS) are left out. One pass gives both the counts and those of the commented responses.
 */
export async function readChoiceCounts(db: Queryable, f: RollupFilter, question: string): Promise<ChoiceCountRow[]> {
  if (f.versionIds.length === 0 || (f.unitIds !== null && f.unitIds.length === 0)) return [];
  const pg = dialectOf(db) === 'postgres';
  const commented = pg
    ? sql`(${responses.answers}::jsonb ->> 'comment') IS NOT NULL`
    : sql`json_extract(${responses.answers}, '$.comment') IS NOT NULL`;
  const where = and(...responseConditions(f), sql`(${responses.flags} & ${sql.raw(String(EXCLUDED_FLAGS))}) = 0`);
  const counts = sql`COUNT(*) AS n, SUM(CASE WHEN ${commented} THEN 1 ELSE 0 END) AS nc`;
  const path = `$.${JSON.stringify(question)}`;
  const picks = pg
    ? sql`SELECT ${responses.unitId} AS unit_id, ${responses.pointId} AS point_id, c.value AS choice, ${counts}
        FROM ${responses} CROSS JOIN LATERAL jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(${responses.answers}::jsonb -> CAST(${question} AS text)) = 'array'
            THEN ${responses.answers}::jsonb -> CAST(${question} AS text) ELSE '[]'::jsonb END) AS c(value)
        WHERE ${where} GROUP BY 1, 2, 3`
    : sql`SELECT ${responses.unitId} AS unit_id, ${responses.pointId} AS point_id, CAST(c.value AS TEXT) AS choice, ${counts}
        FROM ${responses}, json_each(${responses.answers}, ${path}) AS c
        WHERE ${where} AND json_type(${responses.answers}, ${path}) = 'array' GROUP BY 1, 2, 3`;
  const answered = pg
    ? sql`SELECT ${responses.unitId} AS unit_id, ${responses.pointId} AS point_id, NULL AS choice, ${counts} FROM ${responses}
        WHERE ${where} AND jsonb_typeof(${responses.answers}::jsonb -> CAST(${question} AS text)) = 'array' GROUP BY 1, 2`
    : sql`SELECT ${responses.unitId} AS unit_id, ${responses.pointId} AS point_id, NULL AS choice, ${counts} FROM ${responses}
        WHERE ${where} AND json_type(${responses.answers}, ${path}) = 'array' GROUP BY 1, 2`;
  const rows = await rawAll<{
    unit_id: number | string;
    point_id: number | string;
    choice: string | null;
    n: number | string;
    nc: number | string | null;
  }>(db, sql`${picks} UNION ALL ${answered}`);
  return rows.map((r) => ({
    unitId: Number(r.unit_id),
    pointId: Number(r.point_id),
    choice: r.choice,
    count: Number(r.n),
    commented: Number(r.nc ?? 0),
  }));
}

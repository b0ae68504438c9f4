import { eq, sql, type SQL } from 'drizzle-orm';

import { OVERALL_SCORE_QUESTION } from '@/lib/indices/respondent';
import { LOCAL_OFFSET_MS } from '@/lib/time/local';

import { dialectOf, first, rawAll, rawRun, withTransaction, type Queryable } from '@/db/index';
import { ANSWER_TIERS } from '@/db/queries/rollup-tiers';
import {
  EXCLUDED_FLAGS,
  responses,
  ROLLUP_TABLES,
  rollupActivityMonth,
  rollupAnswersUnitMonth,
  surveys,
  surveyVersions,
} from '@/db/schema';

import { compiledFromJson } from './survey-versions';

// Local time in SQL, the same fixed +7 h as lib/time/local.ts (which the insert path uses); the
// rebuild test holds the two to the same result.
const LOCAL_MS = `(r.completed_at + ${LOCAL_OFFSET_MS})`;
const LOCAL_SECONDS = `${LOCAL_MS} / 1000`;
// Days since the epoch, local: PostgreSQL counts calendar days from it with date arithmetic.
const LOCAL_DATE = `(date '1970-01-01' + CAST(${LOCAL_MS} / 86400000 AS integer))`;
const LOCAL_TIME = {
  sqlite: {
    day: `strftime('%Y-%m-%d', ${LOCAL_SECONDS}, 'unixepoch')`,
    hour: `CAST(strftime('%H', ${LOCAL_SECONDS}, 'unixepoch') AS INTEGER)`,
    // strftime %w: Sunday = 0; ISO: Monday = 1 … Sunday = 7.
    weekday: `((CAST(strftime('%w', ${LOCAL_SECONDS}, 'unixepoch') AS INTEGER) + 6) % 7) + 1`,
  },
  postgres: {
    day: `to_char(${LOCAL_DATE}, 'YYYY-MM-DD')`,
    hour: `CAST(${LOCAL_MS} / 3600000 % 24 AS integer)`,
    weekday: `CAST(extract(isodow FROM ${LOCAL_DATE}) AS integer)`,
  },
};

/** Every survey version's index questions and thresholds, as the insert path derives them. */
async function thresholdRows(
  db: Queryable,
): Promise<{ versionId: number; question: string; from: number; dimension: string }[]> {
  const versions = await db
    .select({
      versionId: surveyVersions.id,
      definition: surveyVersions.definition,
      slug: surveys.slug,
      version: surveyVersions.version,
    })
    .from(surveyVersions)
    .innerJoin(surveys, eq(surveys.id, surveyVersions.surveyId));
  return versions.flatMap((v) => {
    const { thresholds } = compiledFromJson(v.versionId, v.definition, `survey ${v.slug} v${v.version}`);
    return [...thresholds].map(([question, c]) => ({
      versionId: v.versionId,
      question,
      from: c.satisfiedFrom,
      dimension: c.dimension,
    }));
  });
}

/**
 * Recomputes every rollup tier from the raw responses and answers, in one transaction: readers
 * see the old counts or the new ones (on PostgreSQL they wait for the new). For repair after a
 * crash mid-migration, a restore of responses without rollups, or a change of the rollup design.
 */
export async function rebuildRollups(db: Queryable): Promise<{ responses: number }> {
  const thresholds = await thresholdRows(db);
  const pg = dialectOf(db) === 'postgres';
  const time = LOCAL_TIME[dialectOf(db)];
  // Scratch tables of this connection. SQLite names its temp schema `temp`; PostgreSQL's tables
  // vanish at commit, so a pooled connection keeps none.
  const tmp = pg ? 'pg_temp.' : 'temp.';
  // PostgreSQL aggregates by hashing, so the rows would reach the primary key in random order,
  // each insert touching another page of an index bigger than the buffer cache: a million
  // responses' day rows took minutes. In key order they fill the index page after page.
  const inKeyOrder = (keys: number) =>
    pg ? `ORDER BY ${Array.from({ length: keys }, (_, i) => i + 1).join(', ')}` : '';
  const onCommit = pg ? 'ON COMMIT DROP' : '';
  return withTransaction(db, async (tx) => {
    const run = (statement: string) => rawRun(tx, sql.raw(statement));
    await run(`CREATE TEMP TABLE IF NOT EXISTS rollup_thresholds (
      survey_version_id INTEGER NOT NULL, question TEXT NOT NULL, satisfied_from INTEGER NOT NULL, dimension TEXT NOT NULL,
      PRIMARY KEY (survey_version_id, question)) ${pg ? onCommit : 'WITHOUT ROWID'}`);
    await run(`DELETE FROM ${tmp}rollup_thresholds`);
    for (let i = 0; i < thresholds.length; i += 300) {
      const rows: SQL[] = thresholds
        .slice(i, i + 300)
        .map((t) => sql`(${t.versionId}, ${t.question}, ${t.from}, ${t.dimension})`);
      await rawRun(tx, sql`INSERT INTO ${sql.raw(tmp)}rollup_thresholds VALUES ${sql.join(rows, sql`, `)}`);
    }

    // Each response's index answers and satisfied answers, in one grouped pass over the answers:
    // a pair of subqueries per response took two minutes for a million on PostgreSQL.
    await run(`DROP TABLE IF EXISTS ${tmp}rollup_counts`);
    await run(`CREATE TEMP TABLE rollup_counts ${onCommit} AS
      SELECT a.response_id AS id, count(*) AS answers,
        sum(CASE WHEN a.value >= t.satisfied_from THEN 1 ELSE 0 END) AS satisfied
      FROM responses r JOIN answers a ON a.response_id = r.id
      JOIN ${tmp}rollup_thresholds t ON t.survey_version_id = r.survey_version_id AND t.question = a.question
      GROUP BY a.response_id`);
    if (pg) await run('ANALYZE pg_temp.rollup_counts');

    // Each respondent's scores as lib/indices/respondent.ts computes them at insert: the share of
    // satisfied answers per element, and their mean, in whole percent rounded half up.
    const real = pg ? 'double precision' : 'REAL';
    const percent = (share: string) =>
      pg ? `CAST(floor(${share} * 100 + 0.5 + 1e-9) AS integer)` : `CAST(${share} * 100 + 0.5 + 1e-9 AS INTEGER)`;
    await run(`DROP TABLE IF EXISTS ${tmp}rollup_shares`);
    await run(`CREATE TEMP TABLE rollup_shares ${onCommit} AS
      SELECT a.response_id AS id, t.dimension,
        CAST(sum(CASE WHEN a.value >= t.satisfied_from THEN 1 ELSE 0 END) AS ${real}) / count(*) AS share
      FROM answers a JOIN responses r ON r.id = a.response_id
      JOIN ${tmp}rollup_thresholds t ON t.survey_version_id = r.survey_version_id AND t.question = a.question
      GROUP BY a.response_id, t.dimension`);
    await run(`DROP TABLE IF EXISTS ${tmp}rollup_scores`);
    await run(`CREATE TEMP TABLE rollup_scores ${onCommit} AS
      SELECT id, '~' || dimension AS question, ${percent('share')} AS value FROM ${tmp}rollup_shares
      UNION ALL
      SELECT id, '~' AS question, ${percent('avg(share)')} AS value FROM ${tmp}rollup_shares GROUP BY id`);
    await run(`DROP TABLE ${tmp}rollup_shares`);
    if (pg) await run('ANALYZE pg_temp.rollup_scores');
    await run(`DROP TABLE IF EXISTS ${tmp}rollup_facts`);
    await run(`CREATE TEMP TABLE rollup_facts ${onCommit} AS
      SELECT r.id, r.survey_version_id, r.unit_id, r.point_id, r.channel,
        coalesce(r.procedure_id, 0) AS procedure_id, CASE WHEN (r.flags & ${EXCLUDED_FLAGS}) <> 0 THEN 1 ELSE 0 END AS repeat,
        ${time.day} AS day, substr(${time.day}, 1, 7) AS month, ${time.hour} AS hour, ${time.weekday} AS weekday,
        coalesce(c.answers, 0) AS answers, coalesce(c.satisfied, 0) AS satisfied
      FROM responses r LEFT JOIN ${tmp}rollup_counts c ON c.id = r.id`);
    // PostgreSQL never analyses temp tables by itself; the joins below want its row counts.
    if (pg) await run('ANALYZE pg_temp.rollup_facts');

    // PostgreSQL: TRUNCATE, still inside the transaction. DELETE left every old row's index entry
    // in place until commit, and each insert below had to step over them: at a million responses
    // the day tier alone ran for over ten minutes instead of two. Readers and writers of the
    // rollups wait for the commit instead of seeing the old counts; this is a repair command.
    if (pg) await run(`TRUNCATE ${ROLLUP_TABLES.join(', ')}`);
    else for (const table of ROLLUP_TABLES) await run(`DELETE FROM ${table}`);

    const facts = `${tmp}rollup_facts`;
    // Every answer tier: each response's answers, its scores and its pseudo-row, counted per key.
    for (const tier of ANSWER_TIERS) {
      const key = ['survey_version_id', 'unit_id', ...tier.key, 'repeat'];
      const groupBy = (n: number) => `GROUP BY ${Array.from({ length: n }, (_, i) => i + 1).join(', ')}`;
      const fromFacts = key.map((c) => `f.${c}`).join(', ');
      await run(`INSERT INTO ${tier.name} (${key.join(', ')}, question, value, count)
        SELECT ${fromFacts}, a.question, a.value, count(*)
        FROM ${facts} f JOIN answers a ON a.response_id = f.id ${groupBy(key.length + 2)}
        UNION ALL
        SELECT ${fromFacts}, s.question, s.value, count(*)
        FROM ${facts} f JOIN ${tmp}rollup_scores s ON s.id = f.id ${groupBy(key.length + 2)}
        UNION ALL
        SELECT ${key.join(', ')}, '', 0, count(*) FROM ${facts} ${groupBy(key.length)}
        ${inKeyOrder(key.length + 2)}`);
    }
    const scope = 'survey_version_id, unit_id, point_id';
    const tail = 'channel, procedure_id, repeat';
    const sums = 'count(*), sum(answers), sum(satisfied)';
    await run(`INSERT INTO rollup_activity_day (${scope}, day, hour, ${tail}, responses, answers, satisfied)
      SELECT ${scope}, day, hour, ${tail}, ${sums} FROM ${facts} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);
    await run(`INSERT INTO rollup_activity_month (${scope}, month, ${tail}, responses, answers, satisfied)
      SELECT ${scope}, month, ${tail}, ${sums} FROM ${facts} GROUP BY 1, 2, 3, 4, 5, 6, 7`);
    await run(`INSERT INTO rollup_hours_month (survey_version_id, unit_id, month, weekday, hour, repeat, responses, answers, satisfied)
      SELECT survey_version_id, unit_id, month, weekday, hour, repeat, ${sums} FROM ${facts} GROUP BY 1, 2, 3, 4, 5, 6`);
    const [counted] = await rawAll<{ n: number }>(tx, sql.raw(`SELECT count(*) AS n FROM ${facts}`));
    await run(`DROP TABLE ${facts}`);
    await run(`DROP TABLE ${tmp}rollup_counts`);
    await run(`DROP TABLE ${tmp}rollup_scores`);
    return { responses: Number(counted!.n) };
  });
}

/**
 * True when responses exist but a rollup tier holds nothing (a database from before rollups or
 * from before that tier, a restore), or when index answers exist but no respondent scores (rollups
 * written before they were kept).
 */
export async function rollupsMissing(db: Queryable): Promise<boolean> {
  const hasResponses =
    first(
      await db
        .select({ one: sql`1` })
        .from(responses)
        .limit(1),
    ) !== null;
  if (!hasResponses) return false;
  // Every response adds a row to every tier, so an empty one was never filled: a database from
  // before rollups, a restore, or a tier added since (db/queries/rollup-tiers.ts).
  for (const table of ROLLUP_TABLES) {
    const [row] = await rawAll(db, sql`SELECT 1 AS one FROM ${sql.identifier(table)} LIMIT 1`);
    if (!row) return true;
  }
  const indexed =
    first(
      await db
        .select({ one: sql`1` })
        .from(rollupActivityMonth)
        .where(sql`${rollupActivityMonth.answers} > 0`)
        .limit(1),
    ) !== null;
  const scored =
    first(
      await db
        .select({ one: sql`1` })
        .from(rollupAnswersUnitMonth)
        .where(eq(rollupAnswersUnitMonth.question, OVERALL_SCORE_QUESTION))
        .limit(1),
    ) !== null;
  return indexed && !scored;
}

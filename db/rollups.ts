import { indexThresholds } from '@/lib/indices/activity';
import { parseSurveyDefinition } from '@/lib/survey/definition';
import { extractScoring } from '@/lib/survey/scoring';

import type { Db } from './index';
import { ROLLUP_TABLES } from './schema';

// Local time in SQL, the same fixed +7 h as lib/time/local.ts (which the insert path uses); the
// rebuild test holds the two to the same result.
const LOCAL_SECONDS = '(r.completed_at + 25200000) / 1000';
const DAY = `strftime('%Y-%m-%d', ${LOCAL_SECONDS}, 'unixepoch')`;
const HOUR = `CAST(strftime('%H', ${LOCAL_SECONDS}, 'unixepoch') AS INTEGER)`;
// strftime %w: Sunday = 0; ISO: Monday = 1 … Sunday = 7.
const WEEKDAY = `((CAST(strftime('%w', ${LOCAL_SECONDS}, 'unixepoch') AS INTEGER) + 6) % 7) + 1`;

/** Every survey version's index questions and thresholds, as the insert path derives them. */
function thresholdRows(db: Db): { versionId: number; question: string; from: number }[] {
  const versions = db.$client
    .prepare('SELECT sv.id AS versionId, sv.definition, s.slug, sv.version FROM survey_versions sv JOIN surveys s ON s.id = sv.survey_id')
    .all() as { versionId: number; definition: string; slug: string; version: number }[];
  return versions.flatMap((v) => {
    const definition = parseSurveyDefinition(JSON.parse(v.definition), `survey ${v.slug} v${v.version}`);
    return [...indexThresholds(extractScoring(definition))].map(([question, from]) => ({ versionId: v.versionId, question, from }));
  });
}

/**
 * Recomputes every rollup tier from the raw responses and answers, in one transaction: readers
 * see either the old counts or the new ones. For repair after a crash mid-migration, a restore
 * of responses without rollups, or a change of the rollup design.
 */
export function rebuildRollups(db: Db): { responses: number } {
  const client = db.$client;
  const thresholds = thresholdRows(db);
  const run = client.transaction(() => {
    client.exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_thresholds (
      survey_version_id INTEGER NOT NULL, question TEXT NOT NULL, satisfied_from INTEGER NOT NULL,
      PRIMARY KEY (survey_version_id, question)) WITHOUT ROWID`);
    client.exec('DELETE FROM temp.rollup_thresholds');
    const addThreshold = client.prepare('INSERT INTO temp.rollup_thresholds VALUES (?, ?, ?)');
    for (const t of thresholds) addThreshold.run(t.versionId, t.question, t.from);

    client.exec('DROP TABLE IF EXISTS temp.rollup_facts');
    client.exec(`CREATE TEMP TABLE rollup_facts AS
      SELECT r.id, r.survey_version_id, r.unit_id, r.point_id, r.channel,
        coalesce(r.procedure_id, 0) AS procedure_id, r.flags & 1 AS repeat,
        ${DAY} AS day, substr(${DAY}, 1, 7) AS month, ${HOUR} AS hour, ${WEEKDAY} AS weekday,
        (SELECT count(*) FROM answers a JOIN temp.rollup_thresholds t
           ON t.survey_version_id = r.survey_version_id AND t.question = a.question
         WHERE a.response_id = r.id) AS answers,
        (SELECT count(*) FROM answers a JOIN temp.rollup_thresholds t
           ON t.survey_version_id = r.survey_version_id AND t.question = a.question
         WHERE a.response_id = r.id AND a.value >= t.satisfied_from) AS satisfied
      FROM responses r`);

    for (const table of ROLLUP_TABLES) client.exec(`DELETE FROM ${table}`);

    const scope = 'survey_version_id, unit_id, point_id';
    const tail = 'channel, procedure_id, repeat';
    for (const [table, time] of [
      ['rollup_answers_day', 'day'],
      ['rollup_answers_month', 'month'],
    ] as const) {
      client.exec(`INSERT INTO ${table} (${scope}, ${time}, ${tail}, question, value, count)
        SELECT f.survey_version_id, f.unit_id, f.point_id, f.${time}, f.channel, f.procedure_id, f.repeat,
          a.question, a.value, count(*)
        FROM temp.rollup_facts f JOIN answers a ON a.response_id = f.id
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        UNION ALL
        SELECT ${scope}, ${time}, ${tail}, '', 0, count(*) FROM temp.rollup_facts GROUP BY 1, 2, 3, 4, 5, 6, 7`);
    }
    for (const time of ['day', 'month'] as const) {
      client.exec(`INSERT INTO rollup_answers_unit_${time} (survey_version_id, unit_id, ${time}, repeat, question, value, count)
        SELECT f.survey_version_id, f.unit_id, f.${time}, f.repeat, a.question, a.value, count(*)
        FROM temp.rollup_facts f JOIN answers a ON a.response_id = f.id GROUP BY 1, 2, 3, 4, 5, 6
        UNION ALL
        SELECT survey_version_id, unit_id, ${time}, repeat, '', 0, count(*) FROM temp.rollup_facts GROUP BY 1, 2, 3, 4`);
    }
    const sums = 'count(*), sum(answers), sum(satisfied)';
    client.exec(`INSERT INTO rollup_activity_day (${scope}, day, hour, ${tail}, responses, answers, satisfied)
      SELECT ${scope}, day, hour, ${tail}, ${sums} FROM temp.rollup_facts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);
    client.exec(`INSERT INTO rollup_activity_month (${scope}, month, ${tail}, responses, answers, satisfied)
      SELECT ${scope}, month, ${tail}, ${sums} FROM temp.rollup_facts GROUP BY 1, 2, 3, 4, 5, 6, 7`);
    client.exec(`INSERT INTO rollup_hours_month (survey_version_id, unit_id, month, weekday, hour, repeat, responses, answers, satisfied)
      SELECT survey_version_id, unit_id, month, weekday, hour, repeat, ${sums} FROM temp.rollup_facts GROUP BY 1, 2, 3, 4, 5, 6`);
    const responses = (client.prepare('SELECT count(*) AS n FROM temp.rollup_facts').get() as { n: number }).n;
    client.exec('DROP TABLE temp.rollup_facts');
    return { responses };
  });
  return run.immediate();
}

/** True when responses exist but no rollups do: a database from before rollups, or a restore. */
export function rollupsMissing(db: Db): boolean {
  const client = db.$client;
  const hasResponses = client.prepare('SELECT 1 FROM responses LIMIT 1').get() !== undefined;
  return hasResponses && client.prepare('SELECT 1 FROM rollup_activity_month LIMIT 1').get() === undefined;
}

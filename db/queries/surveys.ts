import { and, desc, eq } from 'drizzle-orm';

import type { Db } from '../index';
import { surveys, surveyVersions } from '../schema';

export type SurveyVersionRecord = {
  surveyId: number;
  versionId: number;
  slug: string;
  version: number;
  title: string;
  /** The SurveyJS JSON as stored, unparsed. */
  definition: string;
};

const versionColumns = {
  surveyId: surveys.id,
  versionId: surveyVersions.id,
  slug: surveys.slug,
  version: surveyVersions.version,
  title: surveyVersions.title,
  definition: surveyVersions.definition,
};

/** One version of a survey, or its published version when `version` is omitted. */
export function findSurveyVersion(
  db: Db,
  { slug, version }: { slug: string; version?: number },
): SurveyVersionRecord | null {
  const versionMatch =
    version === undefined
      ? eq(surveyVersions.version, surveys.publishedVersion)
      : eq(surveyVersions.version, version);
  return (
    db
      .select(versionColumns)
      .from(surveys)
      .innerJoin(surveyVersions, and(eq(surveyVersions.surveyId, surveys.id), versionMatch))
      .where(eq(surveys.slug, slug))
      .get() ?? null
  );
}

export function findSurveyVersionById(db: Db, { versionId }: { versionId: number }) {
  return (
    db
      .select(versionColumns)
      .from(surveyVersions)
      .innerJoin(surveys, eq(surveys.id, surveyVersions.surveyId))
      .where(eq(surveyVersions.id, versionId))
      .get() ?? null
  );
}

export type ImportedVersion = { slug: string; version: number; created: boolean; published: boolean };

/**
 * Stores a definition as the survey's next immutable version (the same checksum as the latest
 * version reuses it) and publishes it when asked. One transaction: never half a survey.
 */
export function importSurveyVersion(
  db: Db,
  input: { slug: string; title: string; definition: string; checksum: string; publish: boolean },
): ImportedVersion {
  return db.transaction((tx) => {
    let survey = tx.select().from(surveys).where(eq(surveys.slug, input.slug)).get();
    survey ??= tx.insert(surveys).values({ slug: input.slug }).returning().get();

    const latest = tx
      .select({ version: surveyVersions.version, checksum: surveyVersions.checksum })
      .from(surveyVersions)
      .where(eq(surveyVersions.surveyId, survey.id))
      .orderBy(desc(surveyVersions.version))
      .limit(1)
      .get();

    let version = latest?.version ?? 0;
    const created = latest?.checksum !== input.checksum;
    if (created) {
      version += 1;
      tx.insert(surveyVersions)
        .values({
          surveyId: survey.id,
          version,
          title: input.title,
          definition: input.definition,
          checksum: input.checksum,
        })
        .run();
    }
    if (input.publish) {
      tx.update(surveys).set({ publishedVersion: version }).where(eq(surveys.id, survey.id)).run();
    }
    return {
      slug: input.slug,
      version,
      created,
      published: input.publish || survey.publishedVersion === version,
    };
  });
}

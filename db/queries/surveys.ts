import { and, asc, desc, eq, sql } from 'drizzle-orm';

import { first, withTransaction, type Db, type Queryable } from '../index';
import { appendAudit, type AuditActor } from './audit';
import { surveys, surveyVersions } from '../schema';
import { refuse, type Failure } from '@/lib/result';

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

export type SurveyVersionRef = Omit<SurveyVersionRecord, 'definition' | 'title'>;

const refColumns = {
  surveyId: surveys.id,
  versionId: surveyVersions.id,
  slug: surveys.slug,
  version: surveyVersions.version,
};

function prepareFindVersion(db: Db, published: boolean) {
  const versionMatch = published
    ? eq(surveyVersions.version, surveys.publishedVersion)
    : eq(surveyVersions.version, sql.placeholder('version'));
  return db
    .select(refColumns)
    .from(surveys)
    .innerJoin(surveyVersions, and(eq(surveyVersions.surveyId, surveys.id), versionMatch))
    .where(eq(surveys.slug, sql.placeholder('slug')))
    .prepare();
}

// On the ingest path: both statements are built once per connection.
const findVersionStatements = new WeakMap<
  Db,
  { published: ReturnType<typeof prepareFindVersion>; exact: ReturnType<typeof prepareFindVersion> }
>();

/**
 * Which version a response answers (its published version when `version` is omitted),
 * without the definition text: the ingest path needs only the id.
 */
export async function findSurveyVersionRef(
  db: Db,
  { slug, version }: { slug: string; version?: number },
): Promise<SurveyVersionRef | null> {
  let stmts = findVersionStatements.get(db);
  if (!stmts) {
    stmts = { published: prepareFindVersion(db, true), exact: prepareFindVersion(db, false) };
    findVersionStatements.set(db, stmts);
  }
  return first(
    await (version === undefined ? stmts.published.execute({ slug }) : stmts.exact.execute({ slug, version })),
  );
}

/** One version of a survey with its definition, or its published version when `version` is omitted. */
export async function findSurveyVersion(
  db: Db,
  { slug, version }: { slug: string; version?: number },
): Promise<SurveyVersionRecord | null> {
  const ref = await findSurveyVersionRef(db, { slug, version });
  return ref ? findSurveyVersionById(db, { versionId: ref.versionId }) : null;
}

export async function findSurveyVersionById(
  db: Queryable,
  { versionId }: { versionId: number },
): Promise<SurveyVersionRecord | null> {
  return first(
    await db
      .select(versionColumns)
      .from(surveyVersions)
      .innerJoin(surveys, eq(surveys.id, surveyVersions.surveyId))
      .where(eq(surveyVersions.id, versionId)),
  );
}

export type ImportedVersion = { slug: string; version: number; created: boolean; published: boolean };

/**
 * Stores a definition as the survey's next immutable version (the same checksum as the latest
 * version reuses it) and publishes it when asked. One transaction: never half a survey.
 */
export async function importSurveyVersion(
  db: Queryable,
  input: { slug: string; title: string; definition: string; checksum: string; publish: boolean },
  actor?: AuditActor,
): Promise<ImportedVersion> {
  return withTransaction(db, async (tx) => {
    let survey = first(await tx.select().from(surveys).where(eq(surveys.slug, input.slug)));
    survey ??= first(await tx.insert(surveys).values({ slug: input.slug }).returning())!;

    const latest = first(
      await tx
        .select({ version: surveyVersions.version, checksum: surveyVersions.checksum })
        .from(surveyVersions)
        .where(eq(surveyVersions.surveyId, survey.id))
        .orderBy(desc(surveyVersions.version))
        .limit(1),
    );

    let version = latest?.version ?? 0;
    const created = latest?.checksum !== input.checksum;
    if (created) {
      version += 1;
      await tx.insert(surveyVersions).values({
        surveyId: survey.id,
        version,
        title: input.title,
        definition: input.definition,
        checksum: input.checksum,
      });
    }
    if (input.publish) {
      await tx.update(surveys).set({ publishedVersion: version }).where(eq(surveys.id, survey.id));
    }
    // Imports from the browser are admin changes; seeding and the CLI pass no actor.
    if (actor && (created || (input.publish && survey.publishedVersion !== version))) {
      await appendAudit(tx, {
        by: actor,
        action: created ? 'survey.import' : 'survey.publish',
        entity: 'survey',
        entityId: input.slug,
        before: { publishedVersion: survey.publishedVersion },
        after: {
          version,
          title: input.title,
          checksum: input.checksum,
          publishedVersion: input.publish ? version : survey.publishedVersion,
        },
      });
    }
    return {
      slug: input.slug,
      version,
      created,
      published: input.publish || survey.publishedVersion === version,
    };
  });
}

export type SurveyOverview = {
  id: number;
  slug: string;
  publishedVersion: number | null;
  versions: { version: number; title: string; createdAt: number }[];
};

/** Every survey with its versions (newest first), for the admin list. */
export async function listSurveysWithVersions(db: Queryable): Promise<SurveyOverview[]> {
  const rows = await db
    .select({
      id: surveys.id,
      slug: surveys.slug,
      publishedVersion: surveys.publishedVersion,
      version: surveyVersions.version,
      title: surveyVersions.title,
      createdAt: surveyVersions.createdAt,
    })
    .from(surveys)
    .leftJoin(surveyVersions, eq(surveyVersions.surveyId, surveys.id))
    .orderBy(asc(surveys.slug), desc(surveyVersions.version));
  const out = new Map<number, SurveyOverview>();
  for (const r of rows) {
    const s = out.get(r.id) ?? { id: r.id, slug: r.slug, publishedVersion: r.publishedVersion, versions: [] };
    if (r.version !== null) s.versions.push({ version: r.version, title: r.title!, createdAt: r.createdAt! });
    out.set(r.id, s);
  }
  return [...out.values()];
}

export type PublishOutcome = { ok: true; before: number | null } | Failure<'not_found'>;

/** Makes an existing version the one citizens get; audited with the version it replaced. */
export async function publishSurveyVersion(
  db: Queryable,
  { slug, version }: { slug: string; version: number },
  actor: AuditActor,
): Promise<PublishOutcome> {
  return withTransaction(db, async (tx): Promise<PublishOutcome> => {
    const survey = first(await tx.select().from(surveys).where(eq(surveys.slug, slug)));
    const exists =
      survey &&
      first(
        await tx
          .select({ id: surveyVersions.id })
          .from(surveyVersions)
          .where(and(eq(surveyVersions.surveyId, survey.id), eq(surveyVersions.version, version))),
      );
    if (!survey || !exists) return refuse('not_found');
    await tx.update(surveys).set({ publishedVersion: version }).where(eq(surveys.id, survey.id));
    await appendAudit(tx, {
      by: actor,
      action: 'survey.publish',
      entity: 'survey',
      entityId: slug,
      before: { publishedVersion: survey.publishedVersion },
      after: { publishedVersion: version },
    });
    return { ok: true, before: survey.publishedVersion };
  });
}

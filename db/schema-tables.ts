// The tables, written once for both engines. schema-sqlite.ts and schema-pg.ts call
// defineTables with their engine's column kit, so the two schemas cannot drift apart in what they
// declare; db/schema-parity.test.ts still compares the results, and drizzle-kit generates each
// engine's migrations from its own file. In order: structure (units, desks, procedures,
// surveys), responses and answers, accounts and audit, cases and alerts, kiosk devices, rollups,
// rate limits.
//
// Times are integer milliseconds since the epoch (UTC; `k.time`, bigint on PostgreSQL); local days
// are derived with the fixed offset of lib/time/local.ts where they are needed. Flags are
// `k.flag` (0/1 on SQLite, boolean on PostgreSQL); ids are `k.id()` (autoincrement / identity).
import { sql, type SQL } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  type SQLiteColumnBuilderBase,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

import { ROLES } from '../lib/auth/permissions';
import { CHANNELS } from '../lib/ingest/channels';
import { CASE_STATUSES } from './schema-common';

/**
 * The column kit of one engine. It is typed with SQLite's builders: queries are typed against
 * the SQLite tables, and schema-pg.ts passes PostgreSQL's builders, which make tables of the same
 * shape at run time (db/schema.ts explains why one typing serves both).
 */
export type SchemaKit = {
  table: typeof sqliteTable;
  integer: typeof integer;
  text: typeof text;
  index: typeof index;
  uniqueIndex: typeof uniqueIndex;
  primaryKey: typeof primaryKey;
  /** The autoincrement integer primary key `id`. */
  id: () => ReturnType<typeof sqliteId>;
  /** Milliseconds since the epoch. */
  time: (name: string) => ReturnType<typeof integer>;
  flag: (name: string) => ReturnType<typeof sqliteFlag>;
  /** The current time in milliseconds, as a column default. */
  now: () => SQL;
  /** The predicate of the partial indexes of commented responses. */
  hasComment: () => SQL;
};

const sqliteId = () => integer('id').primaryKey({ autoIncrement: true });
const sqliteFlag = (name: string) => integer(name, { mode: 'boolean' });

export const sqliteKit: SchemaKit = {
  table: sqliteTable,
  integer,
  text,
  index,
  uniqueIndex,
  primaryKey,
  id: sqliteId,
  time: (name) => integer(name),
  flag: sqliteFlag,
  now: () => sql`(unixepoch() * 1000)`,
  hasComment: () => sql.raw("json_extract(answers, '$.comment') IS NOT NULL"),
};

export function defineTables(k: SchemaKit) {
  const units = k.table('units', {
    id: k.id(),
    code: k.text('code').notNull().unique(),
    name: k.text('name').notNull(),
    nameEn: k.text('name_en'),
    parentId: k.integer('parent_id').references((): AnySQLiteColumn => units.id),
    active: k.flag('active').notNull().default(true),
    createdAt: k.time('created_at').notNull().default(k.now()),
  });

  const servicePoints = k.table(
    'service_points',
    {
      id: k.id(),
      code: k.text('code').notNull().unique(),
      name: k.text('name').notNull(),
      nameEn: k.text('name_en'),
      unitId: k
        .integer('unit_id')
        .notNull()
        .references(() => units.id),
      location: k.text('location'),
      active: k.flag('active').notNull().default(true),
      // Survey slugs shown on the desk's QR code (phone) and on its tablet (kiosk).
      phoneSurvey: k.text('phone_survey').notNull().default('quick'),
      kioskSurvey: k.text('kiosk_survey').notNull().default('quick'),
      // Comma-separated slugs of the surveys the desk takes answers to; null: every survey that ships
      // (lib/survey/offered.ts). Its phone and kiosk surveys are offered in any case.
      offeredSurveys: k.text('offered_surveys'),
      createdAt: k.time('created_at').notNull().default(k.now()),
    },
    (t) => [k.index('service_points_unit_idx').on(t.unitId)],
  );

  const procedures = k.table('procedures', {
    id: k.id(),
    code: k.text('code').notNull().unique(),
    name: k.text('name').notNull(),
    sector: k.text('sector'),
    level: k.text('level'),
    active: k.flag('active').notNull().default(true),
  });

  // The procedure's full record as the national database publishes it (agency, time, fees,
  // documents, steps, ways to file, result, legal basis, forms), versioned like surveys: a changed
  // record inserts a new row, the old text stays for history. `record` is the JSON of
  // lib/procedures/record.ts; `effective_from` the local day (YYYY-MM-DD) it applies from;
  // `illustrative` marks the demo seed's invented details, shown as "Dữ liệu minh họa".
  const procedureVersions = k.table(
    'procedure_versions',
    {
      id: k.id(),
      procedureId: k
        .integer('procedure_id')
        .notNull()
        .references(() => procedures.id),
      version: k.integer('version').notNull(),
      effectiveFrom: k.text('effective_from').notNull(),
      record: k.text('record').notNull(),
      illustrative: k.flag('illustrative').notNull().default(false),
      createdAt: k.time('created_at').notNull().default(k.now()),
    },
    (t) => [k.uniqueIndex('procedure_versions_procedure_version_uq').on(t.procedureId, t.version)],
  );

  const pointProcedures = k.table(
    'point_procedures',
    {
      pointId: k
        .integer('point_id')
        .notNull()
        .references(() => servicePoints.id),
      procedureId: k
        .integer('procedure_id')
        .notNull()
        .references(() => procedures.id),
    },
    (t) => [k.primaryKey({ columns: [t.pointId, t.procedureId] })],
  );

  const surveys = k.table('surveys', {
    id: k.id(),
    slug: k.text('slug').notNull().unique(),
    // The version citizens get; null until one is published.
    publishedVersion: k.integer('published_version'),
    createdAt: k.time('created_at').notNull().default(k.now()),
  });

  // Immutable: editing a survey inserts a new row, so every response keeps pointing at the
  // exact questionnaire it answered.
  const surveyVersions = k.table(
    'survey_versions',
    {
      id: k.id(),
      surveyId: k
        .integer('survey_id')
        .notNull()
        .references(() => surveys.id),
      version: k.integer('version').notNull(),
      title: k.text('title').notNull(),
      definition: k.text('definition').notNull(),
      // sha256 of the canonical definition: re-importing the same file makes no new version.
      checksum: k.text('checksum').notNull(),
      createdAt: k.time('created_at').notNull().default(k.now()),
    },
    (t) => [k.uniqueIndex('survey_versions_survey_version_uq').on(t.surveyId, t.version)],
  );

  const responses = k.table(
    'responses',
    {
      // Client-made UUID; the idempotency key.
      id: k.text('id').primaryKey(),
      surveyVersionId: k
        .integer('survey_version_id')
        .notNull()
        .references(() => surveyVersions.id),
      pointId: k
        .integer('point_id')
        .notNull()
        .references(() => servicePoints.id),
      unitId: k
        .integer('unit_id')
        .notNull()
        .references(() => units.id),
      procedureId: k.integer('procedure_id').references(() => procedures.id),
      channel: k.text('channel', { enum: CHANNELS }).notNull(),
      dossier: k.text('dossier'),
      locale: k.text('locale'),
      startedAt: k.time('started_at'),
      completedAt: k.time('completed_at').notNull(),
      receivedAt: k.time('received_at').notNull(),
      deviceId: k.integer('device_id'),
      // The hotline operator who entered a caller's answers (channel hotline); null otherwise.
      operatorId: k.integer('operator_id'),
      // The officer who served, set only from a trusted path (the kiosk's shift, a signed dossier
      // link, the hotline operator), never from the citizen's body; nulled after
      // OFFICER_LINK_RETENTION_DAYS (server/officer-retention.ts).
      officerId: k.integer('officer_id'),
      // Salted, daily-rotated hash of the client's address: enough to spot abuse, never the IP.
      clientKey: k.text('client_key'),
      // sha256 of the canonical request body: tells a harmless replay from a conflicting reuse.
      bodyHash: k.text('body_hash').notNull(),
      // Normalised answers as validated (JSON), the response's permanent record.
      answers: k.text('answers').notNull(),
      // Bit set of RESPONSE_FLAGS.
      flags: k.integer('flags').notNull().default(0),
    },
    (t) => [
      k.index('responses_completed_idx').on(t.completedAt),
      k.index('responses_point_completed_idx').on(t.pointId, t.completedAt),
      k.index('responses_dossier_idx').on(t.dossier),
      // Per-officer figures read raw responses of one officer (or a unit's officers) in a period;
      // partial, so the many responses without an officer pay no index write.
      k
        .index('responses_officer_completed_idx')
        .on(t.officerId, t.completedAt)
        .where(sql`${t.officerId} IS NOT NULL`),
      // Partial: phones and the hotline (most rows) pay no index write for a device they lack.
      k
        .index('responses_device_completed_idx')
        .on(t.deviceId, t.completedAt)
        .where(sql`${t.deviceId} IS NOT NULL`),
      // The dashboard's latest comments: only responses that carry one, newest first, without
      // reading every response of a long period (the query repeats this WHERE to use it).
      k.index('responses_comment_idx').on(t.completedAt).where(k.hasComment()),
      // The same for one desk: with a desk in the filter the planner otherwise walks that desk's
      // index and reads every response of the period (a quarter at 1 M responses: 10,000s of rows).
      k.index('responses_point_comment_idx').on(t.pointId, t.completedAt).where(k.hasComment()),
    ],
  );

  // Scored answers, one row per (response, question), for analysis without parsing JSON.
  const answers = k.table(
    'answers',
    {
      responseId: k
        .text('response_id')
        .notNull()
        .references(() => responses.id),
      question: k.text('question').notNull(),
      value: k.integer('value').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.responseId, t.question] })],
  );

  // Officers: the staff who serve at a unit's desks (a staff record, not necessarily a login).
  // Disabling one keeps its history; `user_id` lets an officer who signs in see their own figures.
  const officers = k.table(
    'officers',
    {
      id: k.id(),
      unitId: k
        .integer('unit_id')
        .notNull()
        .references(() => units.id),
      name: k.text('name').notNull(),
      title: k.text('title'),
      // A small data: URL (lib/officers/record.ts caps it) or null.
      photo: k.text('photo'),
      active: k.flag('active').notNull().default(true),
      userId: k
        .integer('user_id')
        .unique()
        .references((): AnySQLiteColumn => users.id),
      createdAt: k.time('created_at').notNull().default(k.now()),
    },
    (t) => [k.index('officers_unit_idx').on(t.unitId)],
  );

  const users = k.table('users', {
    id: k.id(),
    username: k.text('username').notNull().unique(),
    displayName: k.text('display_name'),
    role: k.text('role', { enum: ROLES }).notNull(),
    // A manager sees this unit and its subtree; null for the other roles.
    unitId: k.integer('unit_id').references(() => units.id),
    passwordHash: k.text('password_hash').notNull(),
    active: k.flag('active').notNull().default(true),
    failedLogins: k.integer('failed_logins').notNull().default(0),
    lockedUntil: k.time('locked_until'),
    passwordChangedAt: k.time('password_changed_at').notNull().default(k.now()),
    createdAt: k.time('created_at').notNull().default(k.now()),
  });

  // Server-side sessions: the cookie holds a random token, the table only its sha256, so a copy
  // of the database cannot be replayed as a login; deleting or revoking a row logs out at once.
  const sessions = k.table(
    'sessions',
    {
      tokenHash: k.text('token_hash').primaryKey(),
      userId: k
        .integer('user_id')
        .notNull()
        .references(() => users.id),
      createdAt: k.time('created_at').notNull(),
      expiresAt: k.time('expires_at').notNull(),
      lastSeenAt: k.time('last_seen_at').notNull(),
      revokedAt: k.time('revoked_at'),
    },
    (t) => [k.index('sessions_user_idx').on(t.userId)],
  );

  const apiTokens = k.table('api_tokens', {
    id: k.id(),
    name: k.text('name').notNull(),
    tokenHash: k.text('token_hash').notNull().unique(),
    role: k.text('role', { enum: ROLES }).notNull(),
    unitId: k.integer('unit_id').references(() => units.id),
    createdAt: k.time('created_at').notNull().default(k.now()),
    lastUsedAt: k.time('last_used_at'),
    revokedAt: k.time('revoked_at'),
  });

  // Append-only: rows are inserted, never updated or deleted (enforced by triggers in the migration).
  const auditLog = k.table(
    'audit_log',
    {
      id: k.id(),
      at: k.time('at').notNull(),
      actorUserId: k.integer('actor_user_id'),
      actor: k.text('actor').notNull(),
      action: k.text('action').notNull(),
      entity: k.text('entity'),
      entityId: k.text('entity_id'),
      before: k.text('before'),
      after: k.text('after'),
    },
    (t) => [k.index('audit_log_at_idx').on(t.at), k.index('audit_log_action_idx').on(t.action, t.at)],
  );

  // Feedback that gets handled: a negative rating or a complaint opens a case for the
  // desk's unit. The case holds no personal data; a consented contact lives apart in case_contacts.

  const cases = k.table(
    'cases',
    {
      id: k.id(),
      // What the citizen sees and types into /tra-cuu (lib/cases/code.ts).
      code: k.text('code').notNull().unique(),
      responseId: k
        .text('response_id')
        .notNull()
        .unique()
        .references(() => responses.id),
      unitId: k
        .integer('unit_id')
        .notNull()
        .references(() => units.id),
      pointId: k
        .integer('point_id')
        .notNull()
        .references(() => servicePoints.id),
      // Comma-separated CaseReason values.
      reasons: k.text('reasons').notNull(),
      status: k.text('status', { enum: CASE_STATUSES }).notNull().default('new'),
      openedAt: k.time('opened_at').notNull(),
      dueAt: k.time('due_at').notNull(),
      assigneeId: k.integer('assignee_id').references(() => users.id),
      // Shown to the citizen on /tra-cuu; required to close a case.
      publicReply: k.text('public_reply'),
      closedAt: k.time('closed_at'),
      updatedAt: k.time('updated_at').notNull(),
    },
    (t) => [
      k.index('cases_unit_status_idx').on(t.unitId, t.status, t.dueAt),
      k.index('cases_opened_idx').on(t.openedAt),
    ],
  );

  // Internal notes of the handlers: never shown to the citizen.
  const caseNotes = k.table(
    'case_notes',
    {
      id: k.id(),
      caseId: k
        .integer('case_id')
        .notNull()
        .references(() => cases.id),
      authorId: k.integer('author_id').references(() => users.id),
      author: k.text('author').notNull(),
      body: k.text('body').notNull(),
      at: k.time('at').notNull(),
    },
    (t) => [k.index('case_notes_case_idx').on(t.caseId, t.at)],
  );

  // Contact details given with explicit consent for a call back (docs/domain.md, privacy): apart from the
  // response, visible only to the case's handlers, deleted N days after the case closes.
  const caseContacts = k.table('case_contacts', {
    caseId: k
      .integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    name: k.text('name'),
    phone: k.text('phone'),
    email: k.text('email'),
    // The purpose text the person agreed to, word for word, and when.
    consentText: k.text('consent_text').notNull(),
    consentedAt: k.time('consented_at').notNull(),
  });

  // Alerts: a desk whose share of negative ratings in the last hour crosses the threshold,
  // or a case that became overdue. Raised once (unique key), shown on the dashboard, forwarded by webhook.
  const alerts = k.table(
    'alerts',
    {
      id: k.id(),
      kind: k.text('kind', { enum: ['negative_share', 'case_overdue'] }).notNull(),
      // One alert per desk per hour, or per overdue case.
      dedupeKey: k.text('dedupe_key').notNull().unique(),
      unitId: k
        .integer('unit_id')
        .notNull()
        .references(() => units.id),
      pointId: k.integer('point_id').references(() => servicePoints.id),
      caseId: k.integer('case_id').references(() => cases.id),
      // JSON facts for the banner and the webhook (share, n, due date...).
      details: k.text('details').notNull(),
      raisedAt: k.time('raised_at').notNull(),
    },
    (t) => [k.index('alerts_raised_idx').on(t.raisedAt)],
  );

  // Outgoing webhook deliveries: written in the transaction of the event, sent by a worker with
  // backoff, kept as the delivery log.
  const webhookDeliveries = k.table(
    'webhook_deliveries',
    {
      id: k.text('id').primaryKey(),
      event: k.text('event').notNull(),
      url: k.text('url').notNull(),
      payload: k.text('payload').notNull(),
      status: k
        .text('status', { enum: ['pending', 'delivered', 'failed'] })
        .notNull()
        .default('pending'),
      attempts: k.integer('attempts').notNull().default(0),
      nextAttemptAt: k.time('next_attempt_at').notNull(),
      lastStatusCode: k.integer('last_status_code'),
      lastError: k.text('last_error'),
      createdAt: k.time('created_at').notNull(),
      deliveredAt: k.time('delivered_at'),
    },
    (t) => [k.index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt)],
  );

  // A kiosk tablet bound to one desk. Only hashes of its secrets are stored: the
  // one-time pairing link's token (sha256), the long-lived cookie credential (sha256) and the
  // staff PIN (argon2id).
  const devices = k.table(
    'devices',
    {
      id: k.id(),
      pointId: k
        .integer('point_id')
        .notNull()
        .references(() => servicePoints.id),
      name: k.text('name').notNull(),
      credentialHash: k.text('credential_hash').unique(),
      pairingTokenHash: k.text('pairing_token_hash').unique(),
      pairingExpiresAt: k.time('pairing_expires_at'),
      pairedAt: k.time('paired_at'),
      pinHash: k.text('pin_hash'),
      revokedAt: k.time('revoked_at'),
      lastSeenAt: k.time('last_seen_at'),
      appVersion: k.text('app_version'),
      queueLength: k.integer('queue_length'),
      lastError: k.text('last_error'),
      // The officer now at the desk, chosen in the staff panel, until the end of that local day.
      // A queued answer synced later gets the officer only if it was completed within the shift.
      shiftOfficerId: k.integer('shift_officer_id').references(() => officers.id),
      shiftFrom: k.time('shift_from'),
      shiftUntil: k.time('shift_until'),
      createdAt: k.time('created_at').notNull().default(k.now()),
    },
    (t) => [k.index('devices_point_idx').on(t.pointId)],
  );

  // ── Rollups (README, Architecture) ──────────────────────────────────────────────────────────────────────
  // Count tables kept by the insert transaction (db/queries/insert-response.ts) and rebuilt from raw
  // responses by `npm run admin -- rollups rebuild`. Dashboards read only these, so their cost
  // follows days × scopes, not responses. Days and months are local (UTC+7); `procedure_id` is 0
  // when the response named none; `repeat` is 1 for repeat-flagged responses, kept apart so that
  // indices leave them out by default. The answer tables carry one pseudo-row per response under
  // question '' (value 0), so a scope's response count comes from the same read. Every key starts
  // with the survey version and the unit, then the desk: a response's rows are adjacent (one or two
  // pages dirtied per commit) and a unit or desk filter is a range of the primary key. The tables
  // are WITHOUT ROWID (written by hand into the migration that creates them), so the key is the table and every read is covering.
  // See docs/decisions/0004-rollup-tiers.md for why there are several tiers.

  const rollupKey = {
    surveyVersionId: k.integer('survey_version_id').notNull(),
    unitId: k.integer('unit_id').notNull(),
    pointId: k.integer('point_id').notNull(),
    channel: k.text('channel').notNull(),
    procedureId: k.integer('procedure_id').notNull(),
    repeat: k.integer('repeat').notNull(),
  };
  const byUnit = {
    surveyVersionId: k.integer('survey_version_id').notNull(),
    unitId: k.integer('unit_id').notNull(),
  };
  const repeat = { repeat: k.integer('repeat').notNull() };
  const day = { day: k.text('day').notNull() };
  const month = { month: k.text('month').notNull() };
  type Columns = Record<string, SQLiteColumnBuilderBase>;

  /**
   * An answer tier: counts per scope (`columns`), question and value; the primary key is `key`
   * (column names of `columns`, in order) followed by question and value.
   */
  const answerTier = <N extends string, C extends Columns>(name: N, columns: C, key: readonly (keyof C & string)[]) =>
    k.table(
      name,
      {
        ...columns,
        question: k.text('question').notNull(),
        value: k.integer('value').notNull(),
        count: k.integer('count').notNull(),
      },
      (t) => {
        const cols = t as unknown as Record<string, AnySQLiteColumn>;
        const [first, ...rest] = [...key.map((c) => cols[c]!), cols.question!, cols.value!];
        return [k.primaryKey({ columns: [first!, ...rest] })];
      },
    );

  /** Day tier of answer counts: any filter, edge days of a period. */
  const rollupAnswersDay = answerTier('rollup_answers_day', { ...rollupKey, ...day }, [
    'surveyVersionId',
    'unitId',
    'pointId',
    'day',
    'channel',
    'procedureId',
    'repeat',
  ]);
  /** Month tier of answer counts with every scope column: whole months of a filtered view. */
  const rollupAnswersMonth = answerTier('rollup_answers_month', { ...rollupKey, ...month }, [
    'surveyVersionId',
    'unitId',
    'pointId',
    'month',
    'channel',
    'procedureId',
    'repeat',
  ]);
  /** Day tier by unit only: edge days of a view filtered by unit (or not at all). */
  const rollupAnswersUnitDay = answerTier('rollup_answers_unit_day', { ...byUnit, ...day, ...repeat }, [
    'surveyVersionId',
    'unitId',
    'day',
    'repeat',
  ]);
  /** Month tier by unit only: whole months of a view filtered by unit (or not at all). */
  const rollupAnswersUnitMonth = answerTier('rollup_answers_unit_month', { ...byUnit, ...month, ...repeat }, [
    'surveyVersionId',
    'unitId',
    'month',
    'repeat',
  ]);
  // By one scope column each: what a view filtered or grouped by desk, channel or procedure alone
  // reads (rankings, the channel mix), a fraction of the rows of the tiers with every column.
  const pointId = { pointId: k.integer('point_id').notNull() };
  const channel = { channel: k.text('channel').notNull() };
  const procedureId = { procedureId: k.integer('procedure_id').notNull() };
  /** Day and month tiers by desk. */
  const rollupAnswersPointDay = answerTier('rollup_answers_point_day', { ...byUnit, ...pointId, ...day, ...repeat }, [
    'surveyVersionId',
    'unitId',
    'pointId',
    'day',
    'repeat',
  ]);
  const rollupAnswersPointMonth = answerTier(
    'rollup_answers_point_month',
    { ...byUnit, ...pointId, ...month, ...repeat },
    ['surveyVersionId', 'unitId', 'pointId', 'month', 'repeat'],
  );
  /** Day and month tiers by channel. */
  const rollupAnswersChannelDay = answerTier(
    'rollup_answers_channel_day',
    { ...byUnit, ...channel, ...day, ...repeat },
    ['surveyVersionId', 'unitId', 'channel', 'day', 'repeat'],
  );
  const rollupAnswersChannelMonth = answerTier(
    'rollup_answers_channel_month',
    { ...byUnit, ...channel, ...month, ...repeat },
    ['surveyVersionId', 'unitId', 'channel', 'month', 'repeat'],
  );
  /** Day and month tiers by procedure. */
  const rollupAnswersProcedureDay = answerTier(
    'rollup_answers_procedure_day',
    { ...byUnit, ...procedureId, ...day, ...repeat },
    ['surveyVersionId', 'unitId', 'procedureId', 'day', 'repeat'],
  );
  const rollupAnswersProcedureMonth = answerTier(
    'rollup_answers_procedure_month',
    { ...byUnit, ...procedureId, ...month, ...repeat },
    ['surveyVersionId', 'unitId', 'procedureId', 'month', 'repeat'],
  );

  // Activity: per response, not per answer. `answers` and `satisfied` count the answers to the
  // questions that enter the index (those with a declared dimension); their ratio is the pooled
  // satisfaction rate that trends, rankings and the heatmap use.
  /** An activity tier: responses, index answers and satisfied answers per `columns`, keyed by `key`. */
  const activityTier = <N extends string, C extends Columns>(name: N, columns: C, key: readonly (keyof C & string)[]) =>
    k.table(
      name,
      {
        ...columns,
        responses: k.integer('responses').notNull(),
        answers: k.integer('answers').notNull(),
        satisfied: k.integer('satisfied').notNull(),
      },
      (t) => {
        const cols = t as unknown as Record<string, AnySQLiteColumn>;
        const [first, ...rest] = key.map((c) => cols[c]!);
        return [k.primaryKey({ columns: [first!, ...rest] })];
      },
    );

  /** Day × hour tier of activity: trends by day or week, heatmaps of filtered views. */
  const rollupActivityDay = activityTier(
    'rollup_activity_day',
    { ...rollupKey, ...day, hour: k.integer('hour').notNull() },
    ['surveyVersionId', 'unitId', 'pointId', 'day', 'hour', 'channel', 'procedureId', 'repeat'],
  );

  /** Month tier of activity with every scope column: rankings, channel mix and monthly trends. */
  const rollupActivityMonth = activityTier('rollup_activity_month', { ...rollupKey, ...month }, [
    'surveyVersionId',
    'unitId',
    'pointId',
    'month',
    'channel',
    'procedureId',
    'repeat',
  ]);

  /** Month × weekday × hour by unit only: the heatmap of long unfiltered periods. */
  const rollupHoursMonth = activityTier(
    'rollup_hours_month',
    {
      ...byUnit,
      ...month,
      weekday: k.integer('weekday').notNull(),
      hour: k.integer('hour').notNull(),
      ...repeat,
    },
    ['surveyVersionId', 'unitId', 'month', 'weekday', 'hour', 'repeat'],
  );

  // Request counters shared by every instance (rate limits on answers, sign-in and kiosk PINs):
  // one row per scope, client key and fixed window (minutes since the epoch for a 60 s window);
  // lib/ratelimit.ts weighs the current and previous windows. Old windows are pruned hourly.
  const rateLimits = k.table(
    'rate_limits',
    {
      scope: k.text('scope').notNull(),
      key: k.text('key').notNull(),
      window: k.integer('window').notNull(),
      count: k.integer('count').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.scope, t.key, t.window] })],
  );
  // Summary e-mail (server/summary-mail.ts): who receives the monthly and quarterly summary, for
  // the whole department (unit null) or a unit's subtree; and which period each one was sent, so
  // a restart or a second instance never sends it twice.
  const summaryRecipients = k.table('summary_recipients', {
    id: k.id(),
    email: k.text('email').notNull(),
    unitId: k.integer('unit_id').references(() => units.id),
    monthly: k.flag('monthly').notNull().default(true),
    quarterly: k.flag('quarterly').notNull().default(true),
    active: k.flag('active').notNull().default(true),
    createdAt: k.time('created_at').notNull(),
  });

  const summarySends = k.table(
    'summary_sends',
    {
      recipientId: k
        .integer('recipient_id')
        .notNull()
        .references(() => summaryRecipients.id),
      // '2026-11' (monthly) or '2026-Q4' (quarterly).
      period: k.text('period').notNull(),
      sentAt: k.time('sent_at').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.recipientId, t.period] })],
  );

  return {
    units,
    servicePoints,
    procedures,
    procedureVersions,
    pointProcedures,
    surveys,
    surveyVersions,
    responses,
    answers,
    officers,
    users,
    sessions,
    apiTokens,
    auditLog,
    cases,
    caseNotes,
    caseContacts,
    alerts,
    webhookDeliveries,
    devices,
    rollupAnswersDay,
    rollupAnswersMonth,
    rollupAnswersUnitDay,
    rollupAnswersUnitMonth,
    rollupAnswersPointDay,
    rollupAnswersPointMonth,
    rollupAnswersChannelDay,
    rollupAnswersChannelMonth,
    rollupAnswersProcedureDay,
    rollupAnswersProcedureMonth,
    rollupActivityDay,
    rollupActivityMonth,
    rollupHoursMonth,
    rateLimits,
    summaryRecipients,
    summarySends,
  };
}

// The PostgreSQL twin of schema-sqlite.ts: the same tables, columns, keys and indexes
// (db/schema-parity.test.ts compares them), with millisecond times as bigint and flags as
// boolean. Migrations: `npm run db:generate` writes db/migrations-pg from this file.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import { ROLES } from '../lib/auth/permissions';
import { CHANNELS } from '../lib/ingest/channels';
import { CASE_STATUSES } from './schema-common';

export { CASE_STATUSES, RESPONSE_FLAGS, ROLLUP_TABLES } from './schema-common';

// Times are stored as integer milliseconds since the epoch (UTC); local days are derived
// with the fixed Asia/Ho_Chi_Minh offset where they are needed.

export const units = pgTable('units', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  parentId: integer('parent_id').references((): AnyPgColumn => units.id),
  active: boolean('active').notNull().default(true),
  createdAt: bigint('created_at', { mode: 'number' }).notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
});

export const servicePoints = pgTable(
  'service_points',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    location: text('location'),
    active: boolean('active').notNull().default(true),
    // Survey slugs shown on the desk's QR code (phone) and on its tablet (kiosk).
    phoneSurvey: text('phone_survey').notNull().default('quick'),
    kioskSurvey: text('kiosk_survey').notNull().default('quick'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
  },
  (t) => [index('service_points_unit_idx').on(t.unitId)],
);

export const procedures = pgTable('procedures', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  sector: text('sector'),
  level: text('level'),
  active: boolean('active').notNull().default(true),
});

export const pointProcedures = pgTable(
  'point_procedures',
  {
    pointId: integer('point_id')
      .notNull()
      .references(() => servicePoints.id),
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => procedures.id),
  },
  (t) => [primaryKey({ columns: [t.pointId, t.procedureId] })],
);

export const surveys = pgTable('surveys', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  slug: text('slug').notNull().unique(),
  // The version citizens get; null until one is published.
  publishedVersion: integer('published_version'),
  createdAt: bigint('created_at', { mode: 'number' }).notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
});

// Immutable: editing a survey inserts a new row, so every response keeps pointing at the
// exact questionnaire it answered.
export const surveyVersions = pgTable(
  'survey_versions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    definition: text('definition').notNull(),
    // sha256 of the canonical definition: re-importing the same file makes no new version.
    checksum: text('checksum').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
  },
  (t) => [uniqueIndex('survey_versions_survey_version_uq').on(t.surveyId, t.version)],
);


export const responses = pgTable(
  'responses',
  {
    // Client-made UUID; the idempotency key.
    id: text('id').primaryKey(),
    surveyVersionId: integer('survey_version_id')
      .notNull()
      .references(() => surveyVersions.id),
    pointId: integer('point_id')
      .notNull()
      .references(() => servicePoints.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    procedureId: integer('procedure_id').references(() => procedures.id),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    dossier: text('dossier'),
    locale: text('locale'),
    startedAt: bigint('started_at', { mode: 'number' }),
    completedAt: bigint('completed_at', { mode: 'number' }).notNull(),
    receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
    deviceId: integer('device_id'),
    // The hotline operator who entered a caller's answers (channel hotline); null otherwise.
    operatorId: integer('operator_id'),
    // Salted, daily-rotated hash of the client's address: enough to spot abuse, never the IP.
    clientKey: text('client_key'),
    // sha256 of the canonical request body: tells a harmless replay from a conflicting reuse.
    bodyHash: text('body_hash').notNull(),
    // Normalised answers as validated (JSON), the response's permanent record.
    answers: text('answers').notNull(),
    // Bit set of RESPONSE_FLAGS.
    flags: integer('flags').notNull().default(0),
  },
  (t) => [
    index('responses_completed_idx').on(t.completedAt),
    index('responses_point_completed_idx').on(t.pointId, t.completedAt),
    index('responses_dossier_idx').on(t.dossier),
    // Partial: phones and the hotline (most rows) pay no index write for a device they lack.
    index('responses_device_completed_idx').on(t.deviceId, t.completedAt).where(sql`${t.deviceId} IS NOT NULL`),
    // The dashboard's latest comments: only responses that carry one, newest first, without
    // reading every response of a long period (the query repeats this WHERE to use it).
    index('responses_comment_idx')
      .on(t.completedAt)
      .where(sql.raw("(answers::jsonb ->> 'comment') IS NOT NULL")),
    // The same for one desk: with a desk in the filter the planner otherwise walks that desk's
    // index and reads every response of the period (a quarter at 1 M responses: 10,000s of rows).
    index('responses_point_comment_idx')
      .on(t.pointId, t.completedAt)
      .where(sql.raw("(answers::jsonb ->> 'comment') IS NOT NULL")),
  ],
);


// Scored answers, one row per (response, question), for analysis without parsing JSON.
export const answers = pgTable(
  'answers',
  {
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id),
    question: text('question').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.question] })],
);




export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  username: text('username').notNull().unique(),
  displayName: text('display_name'),
  role: text('role', { enum: ROLES }).notNull(),
  // A manager sees this unit and its subtree; null for the other roles.
  unitId: integer('unit_id').references(() => units.id),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: bigint('locked_until', { mode: 'number' }),
  passwordChangedAt: bigint('password_changed_at', { mode: 'number' }).notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
  createdAt: bigint('created_at', { mode: 'number' }).notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
});

// Server-side sessions: the cookie holds a random token, the table only its sha256, so a copy
// of the database cannot be replayed as a login; deleting or revoking a row logs out at once.
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
    lastSeenAt: bigint('last_seen_at', { mode: 'number' }).notNull(),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable('api_tokens', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  role: text('role', { enum: ROLES }).notNull(),
  unitId: integer('unit_id').references(() => units.id),
  createdAt: bigint('created_at', { mode: 'number' }).notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
  lastUsedAt: bigint('last_used_at', { mode: 'number' }),
  revokedAt: bigint('revoked_at', { mode: 'number' }),
});

// Append-only: rows are inserted, never updated or deleted (enforced by triggers in the migration).
export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    at: bigint('at', { mode: 'number' }).notNull(),
    actorUserId: integer('actor_user_id'),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_action_idx').on(t.action, t.at)],
);

// Feedback that gets handled (issue 5): a negative rating or a complaint opens a case for the
// desk's unit. The case holds no personal data; a consented contact lives apart in case_contacts.

export const cases = pgTable(
  'cases',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    // What the citizen sees and types into /tra-cuu (lib/cases/code.ts).
    code: text('code').notNull().unique(),
    responseId: text('response_id')
      .notNull()
      .unique()
      .references(() => responses.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    pointId: integer('point_id')
      .notNull()
      .references(() => servicePoints.id),
    // Comma-separated CaseReason values.
    reasons: text('reasons').notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('new'),
    openedAt: bigint('opened_at', { mode: 'number' }).notNull(),
    dueAt: bigint('due_at', { mode: 'number' }).notNull(),
    assigneeId: integer('assignee_id').references(() => users.id),
    // Shown to the citizen on /tra-cuu; required to close a case.
    publicReply: text('public_reply'),
    closedAt: bigint('closed_at', { mode: 'number' }),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('cases_unit_status_idx').on(t.unitId, t.status, t.dueAt), index('cases_opened_idx').on(t.openedAt)],
);

// Internal notes of the handlers: never shown to the citizen.
export const caseNotes = pgTable(
  'case_notes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    authorId: integer('author_id').references(() => users.id),
    author: text('author').notNull(),
    body: text('body').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.at)],
);

// Contact details given with explicit consent for a call back (DESIGN §2.4): apart from the
// response, visible only to the case's handlers, deleted N days after the case closes.
export const caseContacts = pgTable('case_contacts', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id),
  name: text('name'),
  phone: text('phone'),
  email: text('email'),
  // The purpose text the person agreed to, word for word, and when.
  consentText: text('consent_text').notNull(),
  consentedAt: bigint('consented_at', { mode: 'number' }).notNull(),
});

// Alerts (issue 5): a desk whose share of negative ratings in the last hour crosses the threshold,
// or a case that became overdue. Raised once (unique key), shown on the dashboard, forwarded by webhook.
export const alerts = pgTable(
  'alerts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: ['negative_share', 'case_overdue'] }).notNull(),
    // One alert per desk per hour, or per overdue case.
    dedupeKey: text('dedupe_key').notNull().unique(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    pointId: integer('point_id').references(() => servicePoints.id),
    caseId: integer('case_id').references(() => cases.id),
    // JSON facts for the banner and the webhook (share, n, due date...).
    details: text('details').notNull(),
    raisedAt: bigint('raised_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('alerts_raised_idx').on(t.raisedAt)],
);

// Outgoing webhook deliveries: written in the transaction of the event, sent by a worker with
// backoff, kept as the delivery log.
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    event: text('event').notNull(),
    url: text('url').notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }).notNull(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    deliveredAt: bigint('delivered_at', { mode: 'number' }),
  },
  (t) => [index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt)],
);



// A kiosk tablet bound to one desk (issue 3). Only hashes of its secrets are stored: the
// one-time pairing link's token (sha256), the long-lived cookie credential (sha256) and the
// staff PIN (argon2id).
export const devices = pgTable(
  'devices',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    pointId: integer('point_id')
      .notNull()
      .references(() => servicePoints.id),
    name: text('name').notNull(),
    credentialHash: text('credential_hash').unique(),
    pairingTokenHash: text('pairing_token_hash').unique(),
    pairingExpiresAt: bigint('pairing_expires_at', { mode: 'number' }),
    pairedAt: bigint('paired_at', { mode: 'number' }),
    pinHash: text('pin_hash'),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
    lastSeenAt: bigint('last_seen_at', { mode: 'number' }),
    appVersion: text('app_version'),
    queueLength: integer('queue_length'),
    lastError: text('last_error'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
  },
  (t) => [index('devices_point_idx').on(t.pointId)],
);

// ── Rollups (DESIGN §3) ──────────────────────────────────────────────────────────────────────
// Count tables kept by the insert transaction (db/queries/insert-response.ts) and rebuilt from raw
// responses by `npm run admin -- rollups rebuild`. Dashboards read only these, so their cost
// follows days × scopes, not responses. Days and months are local (UTC+7); `procedure_id` is 0
// when the response named none; `repeat` is 1 for repeat-flagged responses, kept apart so that
// indices leave them out by default. The answer tables carry one pseudo-row per response under
// question '' (value 0), so a scope's response count comes from the same read. Every key starts
// with the survey version and the unit, then the desk: a response's rows are adjacent (one or two
// pages dirtied per commit) and a unit or desk filter is a range of the primary key. On SQLite the tables
// are WITHOUT ROWID; here every read of a key prefix is an index range scan.
// See docs/decisions/0003-rollup-tiers.md for why there are several tiers.

const rollupKey = {
  surveyVersionId: integer('survey_version_id').notNull(),
  unitId: integer('unit_id').notNull(),
  pointId: integer('point_id').notNull(),
  channel: text('channel').notNull(),
  procedureId: integer('procedure_id').notNull(),
  repeat: integer('repeat').notNull(),
};

/** Day tier of answer counts: any filter, edge days of a period. */
export const rollupAnswersDay = pgTable(
  'rollup_answers_day',
  {
    ...rollupKey,
    day: text('day').notNull(),
    question: text('question').notNull(),
    value: integer('value').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.surveyVersionId, t.unitId, t.pointId, t.day, t.channel, t.procedureId, t.repeat, t.question, t.value],
    }),
  ],
);

/** Month tier of answer counts with every scope column: whole months of a filtered view. */
export const rollupAnswersMonth = pgTable(
  'rollup_answers_month',
  {
    ...rollupKey,
    month: text('month').notNull(),
    question: text('question').notNull(),
    value: integer('value').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.surveyVersionId, t.unitId, t.pointId, t.month, t.channel, t.procedureId, t.repeat, t.question, t.value],
    }),
  ],
);

/** Day tier by unit only: edge days of a view filtered by unit (or not at all). */
export const rollupAnswersUnitDay = pgTable(
  'rollup_answers_unit_day',
  {
    surveyVersionId: integer('survey_version_id').notNull(),
    unitId: integer('unit_id').notNull(),
    day: text('day').notNull(),
    repeat: integer('repeat').notNull(),
    question: text('question').notNull(),
    value: integer('value').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyVersionId, t.unitId, t.day, t.repeat, t.question, t.value] })],
);

/** Month tier by unit only: whole months of a view filtered by unit (or not at all). */
export const rollupAnswersUnitMonth = pgTable(
  'rollup_answers_unit_month',
  {
    surveyVersionId: integer('survey_version_id').notNull(),
    unitId: integer('unit_id').notNull(),
    month: text('month').notNull(),
    repeat: integer('repeat').notNull(),
    question: text('question').notNull(),
    value: integer('value').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyVersionId, t.unitId, t.month, t.repeat, t.question, t.value] })],
);

// Activity: per response, not per answer. `answers` and `satisfied` count the answers to the
// questions that enter the index (those with a declared dimension); their ratio is the pooled
// satisfaction rate that trends, rankings and the heatmap use.
const activityCounts = {
  responses: integer('responses').notNull(),
  answers: integer('answers').notNull(),
  satisfied: integer('satisfied').notNull(),
};

/** Day × hour tier of activity: trends by day or week, heatmaps of filtered views. */
export const rollupActivityDay = pgTable(
  'rollup_activity_day',
  { ...rollupKey, day: text('day').notNull(), hour: integer('hour').notNull(), ...activityCounts },
  (t) => [
    primaryKey({
      columns: [t.surveyVersionId, t.unitId, t.pointId, t.day, t.hour, t.channel, t.procedureId, t.repeat],
    }),
  ],
);

/** Month tier of activity with every scope column: rankings, channel mix and monthly trends. */
export const rollupActivityMonth = pgTable(
  'rollup_activity_month',
  { ...rollupKey, month: text('month').notNull(), ...activityCounts },
  (t) => [
    primaryKey({ columns: [t.surveyVersionId, t.unitId, t.pointId, t.month, t.channel, t.procedureId, t.repeat] }),
  ],
);

/** Month × weekday × hour by unit only: the heatmap of long unfiltered periods. */
export const rollupHoursMonth = pgTable(
  'rollup_hours_month',
  {
    surveyVersionId: integer('survey_version_id').notNull(),
    unitId: integer('unit_id').notNull(),
    month: text('month').notNull(),
    weekday: integer('weekday').notNull(),
    hour: integer('hour').notNull(),
    repeat: integer('repeat').notNull(),
    ...activityCounts,
  },
  (t) => [primaryKey({ columns: [t.surveyVersionId, t.unitId, t.month, t.weekday, t.hour, t.repeat] })],
);


// Request counters shared by every instance (rate limits on answers, sign-in and kiosk PINs):
// one row per scope, client key and fixed window (minutes since the epoch for a 60 s window);
// lib/ratelimit.ts weighs the current and previous windows. Old windows are pruned hourly.
export const rateLimits = pgTable(
  'rate_limits',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    window: integer('window').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key, t.window] })],
);

// Summary e-mail (server/summary-mail.ts): who receives the monthly and quarterly summary, for
// the whole department (unit null) or a unit's subtree; and which period each one was sent, so
// a restart or a second instance never sends it twice.
export const summaryRecipients = pgTable('summary_recipients', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  email: text('email').notNull(),
  unitId: integer('unit_id').references(() => units.id),
  monthly: boolean('monthly').notNull().default(true),
  quarterly: boolean('quarterly').notNull().default(true),
  active: boolean('active').notNull().default(true),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

export const summarySends = pgTable(
  'summary_sends',
  {
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => summaryRecipients.id),
    // '2026-11' (monthly) or '2026-Q4' (quarterly).
    period: text('period').notNull(),
    sentAt: bigint('sent_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.recipientId, t.period] })],
);

import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
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

export { CASE_STATUSES, RESPONSE_FLAGS, ROLLUP_TABLES } from './schema-common';

// The SQLite tables. schema-pg.ts declares the same ones for PostgreSQL (db/schema-parity.test.ts
// keeps the two in step) and schema.ts hands queries those of the engine in use. In order:
// structure (units, desks, procedures, surveys), responses and answers, accounts and audit,
// cases and alerts, kiosk devices, rollups, rate limits.
//
// Times are stored as integer milliseconds since the epoch (UTC); local days are derived
// with the fixed Asia/Ho_Chi_Minh offset where they are needed.

export const units = sqliteTable('units', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull().default(sql`(unixepoch() * 1000)`),
});

export const servicePoints = sqliteTable(
  'service_points',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    location: text('location'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    // Survey slugs shown on the desk's QR code (phone) and on its tablet (kiosk).
    phoneSurvey: text('phone_survey').notNull().default('quick'),
    kioskSurvey: text('kiosk_survey').notNull().default('quick'),
    createdAt: integer('created_at').notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index('service_points_unit_idx').on(t.unitId)],
);

export const procedures = sqliteTable('procedures', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  sector: text('sector'),
  level: text('level'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const pointProcedures = sqliteTable(
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

export const surveys = sqliteTable('surveys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  // The version citizens get; null until one is published.
  publishedVersion: integer('published_version'),
  createdAt: integer('created_at').notNull().default(sql`(unixepoch() * 1000)`),
});

// Immutable: editing a survey inserts a new row, so every response keeps pointing at the
// exact questionnaire it answered.
export const surveyVersions = sqliteTable(
  'survey_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    definition: text('definition').notNull(),
    // sha256 of the canonical definition: re-importing the same file makes no new version.
    checksum: text('checksum').notNull(),
    createdAt: integer('created_at').notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [uniqueIndex('survey_versions_survey_version_uq').on(t.surveyId, t.version)],
);


export const responses = sqliteTable(
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
    startedAt: integer('started_at'),
    completedAt: integer('completed_at').notNull(),
    receivedAt: integer('received_at').notNull(),
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
      .where(sql.raw("json_extract(answers, '$.comment') IS NOT NULL")),
    // The same for one desk: with a desk in the filter the planner otherwise walks that desk's
    // index and reads every response of the period (a quarter at 1 M responses: 10,000s of rows).
    index('responses_point_comment_idx')
      .on(t.pointId, t.completedAt)
      .where(sql.raw("json_extract(answers, '$.comment') IS NOT NULL")),
  ],
);


// Scored answers, one row per (response, question), for analysis without parsing JSON.
export const answers = sqliteTable(
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

export type Unit = typeof units.$inferSelect;
export type ServicePoint = typeof servicePoints.$inferSelect;
export type Procedure = typeof procedures.$inferSelect;
export type Survey = typeof surveys.$inferSelect;
export type SurveyVersion = typeof surveyVersions.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;
export type NewResponse = typeof responses.$inferInsert;



export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name'),
  role: text('role', { enum: ROLES }).notNull(),
  // A manager sees this unit and its subtree; null for the other roles.
  unitId: integer('unit_id').references(() => units.id),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: integer('locked_until'),
  passwordChangedAt: integer('password_changed_at').notNull().default(sql`(unixepoch() * 1000)`),
  createdAt: integer('created_at').notNull().default(sql`(unixepoch() * 1000)`),
});

// Server-side sessions: the cookie holds a random token, the table only its sha256, so a copy
// of the database cannot be replayed as a login; deleting or revoking a row logs out at once.
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = sqliteTable('api_tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  role: text('role', { enum: ROLES }).notNull(),
  unitId: integer('unit_id').references(() => units.id),
  createdAt: integer('created_at').notNull().default(sql`(unixepoch() * 1000)`),
  lastUsedAt: integer('last_used_at'),
  revokedAt: integer('revoked_at'),
});

// Append-only: rows are inserted, never updated or deleted (enforced by triggers in the migration).
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
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

export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    openedAt: integer('opened_at').notNull(),
    dueAt: integer('due_at').notNull(),
    assigneeId: integer('assignee_id').references(() => users.id),
    // Shown to the citizen on /tra-cuu; required to close a case.
    publicReply: text('public_reply'),
    closedAt: integer('closed_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('cases_unit_status_idx').on(t.unitId, t.status, t.dueAt), index('cases_opened_idx').on(t.openedAt)],
);

// Internal notes of the handlers: never shown to the citizen.
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    authorId: integer('author_id').references(() => users.id),
    author: text('author').notNull(),
    body: text('body').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.at)],
);

// Contact details given with explicit consent for a call back (DESIGN §2.4): apart from the
// response, visible only to the case's handlers, deleted N days after the case closes.
export const caseContacts = sqliteTable('case_contacts', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id),
  name: text('name'),
  phone: text('phone'),
  email: text('email'),
  // The purpose text the person agreed to, word for word, and when.
  consentText: text('consent_text').notNull(),
  consentedAt: integer('consented_at').notNull(),
});

// Alerts (issue 5): a desk whose share of negative ratings in the last hour crosses the threshold,
// or a case that became overdue. Raised once (unique key), shown on the dashboard, forwarded by webhook.
export const alerts = sqliteTable(
  'alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    raisedAt: integer('raised_at').notNull(),
  },
  (t) => [index('alerts_raised_idx').on(t.raisedAt)],
);

// Outgoing webhook deliveries: written in the transaction of the event, sent by a worker with
// backoff, kept as the delivery log.
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    event: text('event').notNull(),
    url: text('url').notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt)],
);

export type CaseRow = typeof cases.$inferSelect;

export type User = typeof users.$inferSelect;

// A kiosk tablet bound to one desk (issue 3). Only hashes of its secrets are stored: the
// one-time pairing link's token (sha256), the long-lived cookie credential (sha256) and the
// staff PIN (argon2id).
export const devices = sqliteTable(
  'devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pointId: integer('point_id')
      .notNull()
      .references(() => servicePoints.id),
    name: text('name').notNull(),
    credentialHash: text('credential_hash').unique(),
    pairingTokenHash: text('pairing_token_hash').unique(),
    pairingExpiresAt: integer('pairing_expires_at'),
    pairedAt: integer('paired_at'),
    pinHash: text('pin_hash'),
    revokedAt: integer('revoked_at'),
    lastSeenAt: integer('last_seen_at'),
    appVersion: text('app_version'),
    queueLength: integer('queue_length'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index('devices_point_idx').on(t.pointId)],
);

export type Device = typeof devices.$inferSelect;
// ── Rollups (DESIGN §3) ──────────────────────────────────────────────────────────────────────
// Count tables kept by the insert transaction (db/queries/insert-response.ts) and rebuilt from raw
// responses by `npm run admin -- rollups rebuild`. Dashboards read only these, so their cost
// follows days × scopes, not responses. Days and months are local (UTC+7); `procedure_id` is 0
// when the response named none; `repeat` is 1 for repeat-flagged responses, kept apart so that
// indices leave them out by default. The answer tables carry one pseudo-row per response under
// question '' (value 0), so a scope's response count comes from the same read. Every key starts
// with the survey version and the unit, then the desk: a response's rows are adjacent (one or two
// pages dirtied per commit) and a unit or desk filter is a range of the primary key. The tables
// are WITHOUT ROWID (written by hand into the migration that creates them), so the key is the table and every read is covering.
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
export const rollupAnswersDay = sqliteTable(
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
export const rollupAnswersMonth = sqliteTable(
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
export const rollupAnswersUnitDay = sqliteTable(
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
export const rollupAnswersUnitMonth = sqliteTable(
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
export const rollupActivityDay = sqliteTable(
  'rollup_activity_day',
  { ...rollupKey, day: text('day').notNull(), hour: integer('hour').notNull(), ...activityCounts },
  (t) => [
    primaryKey({
      columns: [t.surveyVersionId, t.unitId, t.pointId, t.day, t.hour, t.channel, t.procedureId, t.repeat],
    }),
  ],
);

/** Month tier of activity with every scope column: rankings, channel mix and monthly trends. */
export const rollupActivityMonth = sqliteTable(
  'rollup_activity_month',
  { ...rollupKey, month: text('month').notNull(), ...activityCounts },
  (t) => [
    primaryKey({ columns: [t.surveyVersionId, t.unitId, t.pointId, t.month, t.channel, t.procedureId, t.repeat] }),
  ],
);

/** Month × weekday × hour by unit only: the heatmap of long unfiltered periods. */
export const rollupHoursMonth = sqliteTable(
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
export const rateLimits = sqliteTable(
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
export const summaryRecipients = sqliteTable('summary_recipients', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull(),
  unitId: integer('unit_id').references(() => units.id),
  monthly: integer('monthly', { mode: 'boolean' }).notNull().default(true),
  quarterly: integer('quarterly', { mode: 'boolean' }).notNull().default(true),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
});

export const summarySends = sqliteTable(
  'summary_sends',
  {
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => summaryRecipients.id),
    // '2026-11' (monthly) or '2026-Q4' (quarterly).
    period: text('period').notNull(),
    sentAt: integer('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recipientId, t.period] })],
);

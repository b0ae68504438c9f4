// The PostgreSQL tables, declared once in schema-tables.ts with PostgreSQL's column kit:
// millisecond times as bigint, flags as boolean, ids as identity columns. drizzle-kit generates
// db/migrations-pg from this file (drizzle.pg.config.ts).
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

import { defineTables, type SchemaKit } from './schema-tables';

export { CASE_STATUSES, EXCLUDED_FLAGS, RESPONSE_FLAGS, ROLLUP_TABLES } from './schema-common';

// PostgreSQL's builders take the same arguments as SQLite's for everything the tables use; the
// cast is the one place where the typing of schema-tables.ts is bridged (see SchemaKit).
const pgKit = {
  table: pgTable,
  integer,
  text,
  index,
  uniqueIndex,
  primaryKey,
  id: () => integer('id').primaryKey().generatedByDefaultAsIdentity(),
  time: (name: string) => bigint(name, { mode: 'number' }),
  flag: (name: string) => boolean(name),
  now: () => sql`(extract(epoch from now()) * 1000)::bigint`,
  hasComment: () => sql.raw("(answers::jsonb ->> 'comment') IS NOT NULL"),
} as unknown as SchemaKit;

export const {
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
} = defineTables(pgKit);

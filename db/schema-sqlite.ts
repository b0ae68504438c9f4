// The SQLite tables (the default engine), declared once in schema-tables.ts; drizzle-kit generates
// db/migrations from this file. schema-pg.ts is the PostgreSQL twin, schema.ts picks one.
import { defineTables, sqliteKit } from './schema-tables';

export { CASE_STATUSES, EXCLUDED_FLAGS, RESPONSE_FLAGS, ROLLUP_TABLES } from './schema-common';

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
} = defineTables(sqliteKit);

export type Unit = typeof units.$inferSelect;
export type ServicePoint = typeof servicePoints.$inferSelect;
export type Procedure = typeof procedures.$inferSelect;
export type Survey = typeof surveys.$inferSelect;
export type SurveyVersion = typeof surveyVersions.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;
export type NewResponse = typeof responses.$inferInsert;
export type CaseRow = typeof cases.$inferSelect;
export type User = typeof users.$inferSelect;
export type Device = typeof devices.$inferSelect;
export type Officer = typeof officers.$inferSelect;

// The tables of the engine DATABASE_URL names, chosen once when the process loads this module:
// `postgres://` gives the PostgreSQL definitions (schema-pg.ts), anything else SQLite's
// (schema-sqlite.ts). Queries are typed against the SQLite definitions; the two files declare the
// same tables, columns, keys and indexes (db/schema-parity.test.ts), so the PostgreSQL tables
// satisfy the same code at run time.
import * as pg from './schema-pg';
import * as sqlite from './schema-sqlite';
import { isPostgresUrl } from './dialect';

const active = (isPostgresUrl(process.env.DATABASE_URL) ? pg : sqlite) as unknown as typeof sqlite;

export const units = active.units;
export const servicePoints = active.servicePoints;
export const procedures = active.procedures;
export const pointProcedures = active.pointProcedures;
export const procedureVersions = active.procedureVersions;
export const surveys = active.surveys;
export const surveyVersions = active.surveyVersions;
export const responses = active.responses;
export const answers = active.answers;
export const officers = active.officers;
export const users = active.users;
export const sessions = active.sessions;
export const apiTokens = active.apiTokens;
export const auditLog = active.auditLog;
export const cases = active.cases;
export const caseNotes = active.caseNotes;
export const caseContacts = active.caseContacts;
export const alerts = active.alerts;
export const webhookDeliveries = active.webhookDeliveries;
export const summaryRecipients = active.summaryRecipients;
export const summarySends = active.summarySends;
export const devices = active.devices;
export const rollupAnswersDay = active.rollupAnswersDay;
export const rollupAnswersMonth = active.rollupAnswersMonth;
export const rollupAnswersUnitDay = active.rollupAnswersUnitDay;
export const rollupAnswersUnitMonth = active.rollupAnswersUnitMonth;
export const rollupAnswersPointDay = active.rollupAnswersPointDay;
export const rollupAnswersPointMonth = active.rollupAnswersPointMonth;
export const rollupAnswersChannelDay = active.rollupAnswersChannelDay;
export const rollupAnswersChannelMonth = active.rollupAnswersChannelMonth;
export const rollupAnswersProcedureDay = active.rollupAnswersProcedureDay;
export const rollupAnswersProcedureMonth = active.rollupAnswersProcedureMonth;
export const rollupActivityDay = active.rollupActivityDay;
export const rollupActivityMonth = active.rollupActivityMonth;
export const rollupHoursMonth = active.rollupHoursMonth;
export const rateLimits = active.rateLimits;

export { RESPONSE_FLAGS, EXCLUDED_FLAGS, CASE_STATUSES, ROLLUP_TABLES } from './schema-common';
export type {
  Unit,
  ServicePoint,
  Procedure,
  Survey,
  SurveyVersion,
  ResponseRow,
  NewResponse,
  CaseRow,
  User,
  Device,
  Officer,
} from './schema-sqlite';

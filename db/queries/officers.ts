import { and, asc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';

import { first, rawRun, type Queryable } from '../index';
import { answers, devices, EXCLUDED_FLAGS, officers, responses, units } from '../schema';
import { responseConditions } from './response-filter';
import type { RollupFilter } from './rollup-reads';

/** What every officer read returns: the officer, with its unit's code and name. */
const officerColumns = {
  id: officers.id,
  unitId: officers.unitId,
  unitCode: units.code,
  unitName: units.name,
  name: officers.name,
  title: officers.title,
  photo: officers.photo,
  active: officers.active,
  userId: officers.userId,
};

/** Officers joined to their units; each read adds its own condition. */
const selectOfficers = (db: Queryable) =>
  db.select(officerColumns).from(officers).innerJoin(units, eq(units.id, officers.unitId));

/** An officer as read: the type follows `officerColumns`, so the list is written once. */
export type OfficerRow = Awaited<ReturnType<typeof selectOfficers>>[number];

/** What an admin sets on an officer. */
export type OfficerFields = Pick<OfficerRow, 'unitId' | 'name' | 'title' | 'photo' | 'userId'>;

export async function insertOfficer(db: Queryable, input: OfficerFields & { now: number }): Promise<{ id: number }> {
  const [row] = await db
    .insert(officers)
    .values({ ...input, createdAt: input.now })
    .returning({ id: officers.id });
  return row!;
}

export async function updateOfficer(
  db: Queryable,
  { id, ...change }: Partial<OfficerFields> & { id: number; active?: boolean },
): Promise<boolean> {
  return (await db.update(officers).set(change).where(eq(officers.id, id)).returning({ id: officers.id })).length === 1;
}

/** Officers of the given units (null: every unit), by unit then name. */
export async function listOfficers(
  db: Queryable,
  { unitIds, activeOnly = false }: { unitIds: readonly number[] | null; activeOnly?: boolean },
): Promise<OfficerRow[]> {
  if (unitIds !== null && unitIds.length === 0) return [];
  const conds = [];
  if (unitIds !== null) conds.push(inArray(officers.unitId, [...unitIds]));
  if (activeOnly) conds.push(eq(officers.active, true));
  return selectOfficers(db)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(units.code), asc(officers.name), asc(officers.id));
}

export async function findOfficer(db: Queryable, id: number): Promise<OfficerRow | null> {
  return first(await selectOfficers(db).where(eq(officers.id, id)));
}

/** The officer record a signed-in user is linked to, if any. */
export async function findOfficerByUser(db: Queryable, userId: number): Promise<OfficerRow | null> {
  return first(await selectOfficers(db).where(eq(officers.userId, userId)));
}

/** Sets (or, with officerId null, ends) the shift of the officer at a device's desk. */
export async function setDeviceShift(
  db: Queryable,
  input: { deviceId: number; officerId: number | null; from: number | null; until: number | null },
): Promise<void> {
  await db
    .update(devices)
    .set({ shiftOfficerId: input.officerId, shiftFrom: input.from, shiftUntil: input.until })
    .where(eq(devices.id, input.deviceId));
}

/** The officer serving at a device now (an active one, within the shift), or null. */
export async function findShiftOfficer(
  db: Queryable,
  { deviceId, now }: { deviceId: number; now: number },
): Promise<(OfficerRow & { shiftFrom: number; shiftUntil: number }) | null> {
  const row = first(
    await db
      .select({ ...officerColumns, shiftFrom: devices.shiftFrom, shiftUntil: devices.shiftUntil })
      .from(devices)
      .innerJoin(officers, eq(officers.id, devices.shiftOfficerId))
      .innerJoin(units, eq(units.id, officers.unitId))
      .where(and(eq(devices.id, deviceId), eq(officers.active, true))),
  );
  if (!row || row.shiftFrom === null || row.shiftUntil === null || now >= row.shiftUntil) return null;
  return { ...row, shiftFrom: row.shiftFrom, shiftUntil: row.shiftUntil };
}

/**
 * Respondents of each officer (and procedure) in a view: people, not answers, left out flagged
 * answers as every index does. `officerIds` null: every officer of the view's units.
 */
export async function readOfficerRespondents(
  db: Queryable,
  f: RollupFilter,
  officerIds: readonly number[] | null,
): Promise<{ officerId: number; procedureId: number | null; responses: number }[]> {
  if (f.versionIds.length === 0 || (f.unitIds !== null && f.unitIds.length === 0)) return [];
  if (officerIds !== null && officerIds.length === 0) return [];
  const rows = await db
    .select({ officerId: responses.officerId, procedureId: responses.procedureId, responses: sql<number>`count(*)` })
    .from(responses)
    .where(and(...officerConditions(f, officerIds)))
    .groupBy(responses.officerId, responses.procedureId);
  return rows.map((r) => ({ officerId: r.officerId!, procedureId: r.procedureId, responses: Number(r.responses) }));
}

/**
 * The scored answers of the officers' responses in a view, one row per answer, ordered by
 * response so a caller can fold each person's answers as it reads (respondent-level scores).
 */
export async function readOfficerAnswers(
  db: Queryable,
  f: RollupFilter,
  officerIds: readonly number[] | null,
): Promise<{ officerId: number; responseId: string; question: string; value: number }[]> {
  if (f.versionIds.length === 0 || (f.unitIds !== null && f.unitIds.length === 0)) return [];
  if (officerIds !== null && officerIds.length === 0) return [];
  const rows = await db
    .select({
      officerId: responses.officerId,
      responseId: answers.responseId,
      question: answers.question,
      value: answers.value,
    })
    .from(responses)
    .innerJoin(answers, eq(answers.responseId, responses.id))
    .where(and(...officerConditions(f, officerIds)))
    .orderBy(asc(responses.officerId), asc(answers.responseId));
  return rows.map((r) => ({ ...r, officerId: r.officerId!, value: Number(r.value) }));
}

function officerConditions(f: RollupFilter, officerIds: readonly number[] | null) {
  return [
    officerIds === null ? isNotNull(responses.officerId) : inArray(responses.officerId, [...officerIds]),
    ...responseConditions(f),
    sql`(${responses.flags} & ${EXCLUDED_FLAGS}) = 0`,
  ];
}

/** Erases the officer link of responses completed before `before`; the answers stay. */
export async function clearOfficerLinks(db: Queryable, { before }: { before: number }): Promise<number> {
  return rawRun(
    db,
    sql`UPDATE ${responses} SET officer_id = NULL WHERE ${and(isNotNull(responses.officerId), lt(responses.completedAt, before))}`,
  );
}

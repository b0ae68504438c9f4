// Cores of the admin server actions for the organisation: units, desks and procedures. Each takes
// the database, the acting principal and the submitted form, validates with the lib/admin
// schemas, and answers an ActionState; the thin server actions in app/admin only add the guard.
import type { Db } from '@/db';
import { createPoint, updatePoint } from '@/db/queries/points';
import { createProcedure, importProcedures, updateProcedure } from '@/db/queries/procedures';
import { createUnit, updateUnit } from '@/db/queries/units';
import { parseForm, type ActionState } from '@/lib/admin/form';
import { pointCreateSchema, pointUpdateSchema } from '@/lib/admin/points';
import { parseProcedureCsv, procedureCreateSchema, procedureUpdateSchema } from '@/lib/admin/procedures';
import { unitActiveSchema, unitCreateSchema, unitMoveSchema, unitRenameSchema } from '@/lib/admin/units';
import type { Principal } from '@/lib/auth/permissions';

import { actorOf, refused } from './actor';

type Input = Record<string, unknown>;

export async function createUnitCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(unitCreateSchema, input);
  if (!form.ok) return form.state;
  const result = await createUnit(db, form.data, await actorOf(db, principal));
  if (!result.ok) return refused(result, input);
  return { status: 'ok', message: `Đã tạo đơn vị ${result.unit.code}. / Unit created.` };
}

export async function renameUnitCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(unitRenameSchema, input);
  if (!form.ok) return form.state;
  const result = await updateUnit(db, { id: form.data.id, name: form.data.name, nameEn: form.data.nameEn ?? null }, await actorOf(db, principal));
  if (!result.ok) return refused(result, input);
  return { status: 'ok', message: 'Đã đổi tên. / Renamed.' };
}

export async function moveUnitCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(unitMoveSchema, input);
  if (!form.ok) return form.state;
  const result = await updateUnit(db, form.data, await actorOf(db, principal));
  if (!result.ok) return refused(result, input);
  return { status: 'ok', message: 'Đã chuyển đơn vị. / Unit moved.' };
}

export async function setUnitActiveCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(unitActiveSchema, input);
  if (!form.ok) return form.state;
  const result = await updateUnit(db, form.data, await actorOf(db, principal));
  if (!result.ok) return refused(result, input);
  return { status: 'ok', message: form.data.active ? 'Đã kích hoạt lại. / Reactivated.' : 'Đã ngừng hoạt động. / Deactivated.' };
}

export async function createPointCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(pointCreateSchema, input);
  if (!form.ok) return form.state;
  const result = await createPoint(db, form.data, await actorOf(db, principal));
  if (!result.ok) return refused(result, input);
  return { status: 'ok', message: `Đã tạo quầy ${result.point.code}. / Desk created.` };
}

export async function updatePointCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(pointUpdateSchema, input);
  if (!form.ok) return form.state;
  const result = await updatePoint(db, form.data, await actorOf(db, principal));
  if (!result.ok) return refused(result, input);
  return { status: 'ok', message: 'Đã lưu quầy. / Desk saved.' };
}

export async function createProcedureCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(procedureCreateSchema, input);
  if (!form.ok) return form.state;
  const result = await createProcedure(db, form.data, await actorOf(db, principal));
  if (!result.ok) return refused(result, input);
  return { status: 'ok', message: `Đã thêm thủ tục ${result.procedure.code}. / Procedure added.` };
}

export async function updateProcedureCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(procedureUpdateSchema, input);
  if (!form.ok) return form.state;
  const result = await updateProcedure(db, form.data, await actorOf(db, principal));
  if (!result.ok) return refused(result, input);
  return { status: 'ok', message: 'Đã lưu thủ tục. / Procedure saved.' };
}

/** `input.csv` is the file's text (the action reads the upload). */
export async function importProceduresCore(db: Db, principal: Principal, input: { csv: string }): Promise<ActionState> {
  const parsed = parseProcedureCsv(input.csv);
  if (!parsed.ok) {
    // The text comes back in the paste box (from an uploaded file too), ready to be corrected.
    return { status: 'error', message: parsed.message, rowErrors: parsed.rowErrors, fieldErrors: parsed.rowErrors.length ? undefined : { csv: [parsed.message] }, values: { csv: input.csv } };
  }
  const r = await importProcedures(db, parsed.rows, await actorOf(db, principal));
  return {
    status: 'ok',
    message: `Đã nhập ${parsed.rows.length} dòng: ${r.created} mới, ${r.updated} cập nhật, ${r.unchanged} không đổi. / Imported ${parsed.rows.length} rows: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged.`,
  };
}


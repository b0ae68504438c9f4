// Cores of the admin server actions for the organisation: units, desks and procedures. Each takes
// the database, the acting principal and the submitted form, validates with the lib/admin
// schemas, and answers an ActionState; the thin server actions in app/admin only add the guard.
import type { Db } from '@/db';
import { createPoint, updatePoint } from '@/db/queries/points';
import { replaceCatalogue, setPointProcedures } from '@/db/queries/procedure-versions';
import { createProcedure, updateProcedure } from '@/db/queries/procedures';
import { createUnit, updateUnit } from '@/db/queries/units';
import { parseForm, type ActionState } from '@/lib/admin/form';
import { pointCreateSchema, pointUpdateSchema } from '@/lib/admin/points';
import { pointProceduresSchema, procedureCreateSchema, procedureUpdateSchema } from '@/lib/admin/procedures';
import { parseProcedureCsv, type TableImport } from '@/lib/procedures/columns';
import { unitActiveSchema, unitCreateSchema, unitMoveSchema, unitRenameSchema } from '@/lib/admin/units';
import type { Principal } from '@/lib/auth/permissions';

import { forgetCatalogue } from '../procedures/catalogue';
import { parseProcedureFile } from '../procedures/files';
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
  const result = await updateUnit(
    db,
    { id: form.data.id, name: form.data.name, nameEn: form.data.nameEn ?? null },
    await actorOf(db, principal),
  );
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
  return {
    status: 'ok',
    message: form.data.active ? 'Đã kích hoạt lại. / Reactivated.' : 'Đã ngừng hoạt động. / Deactivated.',
  };
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
  forgetCatalogue();
  return { status: 'ok', message: `Đã thêm thủ tục ${result.procedure.code}. / Procedure added.` };
}

export async function updateProcedureCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(procedureUpdateSchema, input);
  if (!form.ok) return form.state;
  const result = await updateProcedure(db, form.data, await actorOf(db, principal));
  if (!result.ok) return refused(result, input);
  forgetCatalogue();
  return { status: 'ok', message: 'Đã lưu thủ tục. / Procedure saved.' };
}

/**
 * Replaces the catalogue with an uploaded file (`input.file`: CSV or XLSX bytes) or pasted CSV
 * text (`input.csv`). All or nothing: a bad row refuses the whole file, listed by line.
 */
export async function importProceduresCore(
  db: Db,
  principal: Principal,
  input: { csv?: string; file?: Uint8Array },
): Promise<ActionState> {
  const parsed: TableImport =
    input.file && input.file.length > 0 ? await parseProcedureFile(input.file) : parseProcedureCsv(input.csv ?? '');
  if (!parsed.ok) {
    // Pasted text comes back in the paste box, ready to be corrected.
    const values = input.csv ? { csv: input.csv } : undefined;
    return {
      status: 'error',
      message: parsed.message,
      rowErrors: parsed.rowErrors,
      fieldErrors: parsed.rowErrors.length ? undefined : { [input.file?.length ? 'file' : 'csv']: [parsed.message] },
      values,
    };
  }
  const r = await replaceCatalogue(db, parsed.rows, await actorOf(db, principal));
  forgetCatalogue();
  return {
    status: 'ok',
    message:
      `Đã nhập ${parsed.rows.length} thủ tục: ${r.created} mới, ${r.updated} cập nhật, ${r.unchanged} không đổi, ${r.deactivated} ngừng áp dụng (không có trong tệp). ` +
      `/ Imported ${parsed.rows.length} procedures: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.deactivated} deactivated (not in the file).`,
  };
}

/** Sets a desk's procedures to the codes given (`point`, `codes`). */
export async function setPointProceduresCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(pointProceduresSchema, input);
  if (!form.ok) return form.state;
  const result = await setPointProcedures(db, form.data, await actorOf(db, principal));
  if (!result.ok) {
    if (result.unknown)
      return refused(
        {
          ...result,
          message: `Không có trong danh mục (hoặc đã ngừng): ${result.unknown.join(', ')} / not in the catalogue`,
        },
        input,
      );
    return refused(result, input);
  }
  forgetCatalogue();
  return {
    status: 'ok',
    message: `Quầy ${form.data.point} có ${result.codes.length} thủ tục. / The desk now has ${result.codes.length} procedures.`,
  };
}

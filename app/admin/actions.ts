'use server';

// The admin UI's server actions: each one guards (admin.manage), hands the form to its core in
// server/admin, and refreshes the admin pages after a change. Nothing else lives here.
import { revalidatePath } from 'next/cache';

import { getDb, type Db } from '@/db';
import type { ActionState } from '@/lib/admin/form';
import type { Principal } from '@/lib/auth/permissions';
import * as devices from '@/server/admin/devices';
import * as officers from '@/server/admin/officers';
import * as people from '@/server/admin/people';
import * as structure from '@/server/admin/structure';
import * as summary from '@/server/admin/summary';
import { AuthError, requireAction } from '@/server/guard';

type Core = (db: Db, principal: Principal, input: Record<string, unknown>) => ActionState | Promise<ActionState>;

/** The form's text fields; files are read by the actions that take them. */
const textFields = (formData: FormData) =>
  Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));

async function run(core: Core, input: Record<string, unknown>): Promise<ActionState> {
  let principal: Principal;
  try {
    principal = await requireAction('admin.manage');
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    return err.code === 'unauthenticated'
      ? { status: 'error', message: 'Phiên đăng nhập đã hết: hãy đăng nhập lại. / Your session ended: sign in again.' }
      : { status: 'error', message: 'Vai trò của bạn không được làm việc này. / Your role may not do this.' };
  }
  const state = await core(getDb(), principal, input);
  if (state.status === 'ok') revalidatePath('/admin', 'layout');
  return state;
}

/** A text field, or the text of an uploaded file when one was chosen. */
async function textOrFile(formData: FormData, field: string, fileField: string): Promise<string> {
  const file = formData.get(fileField);
  if (file instanceof File && file.size > 0) return file.text();
  const text = formData.get(field);
  return typeof text === 'string' ? text : '';
}

const action = (core: Core) => async (_prev: ActionState, formData: FormData) => run(core, textFields(formData));

export const createUnitAction = async (p: ActionState, f: FormData) => action(structure.createUnitCore)(p, f);
export const renameUnitAction = async (p: ActionState, f: FormData) => action(structure.renameUnitCore)(p, f);
export const moveUnitAction = async (p: ActionState, f: FormData) => action(structure.moveUnitCore)(p, f);
export const setUnitActiveAction = async (p: ActionState, f: FormData) => action(structure.setUnitActiveCore)(p, f);
export const createPointAction = async (p: ActionState, f: FormData) => action(structure.createPointCore)(p, f);
export const updatePointAction = async (p: ActionState, f: FormData) => action(structure.updatePointCore)(p, f);
export const createProcedureAction = async (p: ActionState, f: FormData) => action(structure.createProcedureCore)(p, f);
export const updateProcedureAction = async (p: ActionState, f: FormData) => action(structure.updateProcedureCore)(p, f);
export const createUserAction = async (p: ActionState, f: FormData) => action(people.createUserCore)(p, f);
export const updateUserAction = async (p: ActionState, f: FormData) => action(people.updateUserCore)(p, f);
export const setUserActiveAction = async (p: ActionState, f: FormData) => action(people.setUserActiveCore)(p, f);
export const resetPasswordAction = async (p: ActionState, f: FormData) => action(people.resetPasswordCore)(p, f);
export const createTokenAction = async (p: ActionState, f: FormData) => action(people.createTokenCore)(p, f);
export const revokeTokenAction = async (p: ActionState, f: FormData) => action(people.revokeTokenCore)(p, f);
export const publishSurveyAction = async (p: ActionState, f: FormData) => action(people.publishSurveyCore)(p, f);

export async function importProceduresAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const upload = formData.get('file');
  const file = upload instanceof File && upload.size > 0 ? new Uint8Array(await upload.arrayBuffer()) : undefined;
  const csv = typeof formData.get('csv') === 'string' ? (formData.get('csv') as string) : '';
  return run((db, principal) => structure.importProceduresCore(db, principal, { csv, file }), { csv });
}

export const setPointProceduresAction = async (p: ActionState, f: FormData) =>
  action(structure.setPointProceduresCore)(p, f);

export async function uploadSurveyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const input = { ...textFields(formData), definition: await textOrFile(formData, 'definition', 'file') };
  return run(people.uploadSurveyCore, input);
}

export const createDeviceAction = async (p: ActionState, f: FormData) => action(devices.createDeviceCore)(p, f);
export const renameDeviceAction = async (p: ActionState, f: FormData) => action(devices.renameDeviceCore)(p, f);
export const revokeDeviceAction = async (p: ActionState, f: FormData) => action(devices.revokeDeviceCore)(p, f);
export const relinkDeviceAction = async (p: ActionState, f: FormData) => action(devices.relinkDeviceCore)(p, f);
export const addSummaryRecipientAction = async (p: ActionState, f: FormData) =>
  action(summary.addSummaryRecipientCore)(p, f);
export const removeSummaryRecipientAction = async (p: ActionState, f: FormData) =>
  action(summary.removeSummaryRecipientCore)(p, f);

/** The officer forms: the text fields, and the photo file (if one was chosen) as a data: URL. */
const officerAction = (core: Core) => async (_prev: ActionState, formData: FormData) => {
  const input: Record<string, unknown> = textFields(formData);
  const upload = formData.get('photo');
  if (upload instanceof File && upload.size > 0) {
    input.photo = `data:${upload.type};base64,${Buffer.from(await upload.arrayBuffer()).toString('base64')}`;
  }
  return run(core, input);
};
export const createOfficerAction = async (p: ActionState, f: FormData) =>
  officerAction(officers.createOfficerCore)(p, f);
export const updateOfficerAction = async (p: ActionState, f: FormData) =>
  officerAction(officers.updateOfficerCore)(p, f);
export const setOfficerActiveAction = async (p: ActionState, f: FormData) =>
  action(officers.setOfficerActiveCore)(p, f);

import type { Db } from '@/db';
import { addSummaryRecipient, removeSummaryRecipient } from '@/db/queries/summary';
import { findUnitById } from '@/db/queries/units';
import { fieldError, parseForm, type ActionState } from '@/lib/admin/form';
import { summaryRecipientSchema, summaryRemoveSchema } from '@/lib/admin/summary';
import type { Principal } from '@/lib/auth/permissions';

import { refuse } from '@/lib/result';
import { actorOf, refused } from './actor';

type Input = Record<string, unknown>;

export async function addSummaryRecipientCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(summaryRecipientSchema, input);
  if (!form.ok) return form.state;
  if (form.data.unitId !== null && !(await findUnitById(db, form.data.unitId)))
    return fieldError('unitId', 'Không có đơn vị này / no such unit', input);
  await addSummaryRecipient(db, form.data, await actorOf(db, principal));
  return { status: 'ok', message: `Đã thêm ${form.data.email}. / Recipient added.` };
}

export async function removeSummaryRecipientCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(summaryRemoveSchema, input);
  if (!form.ok) return form.state;
  if (!(await removeSummaryRecipient(db, form.data.id, await actorOf(db, principal))))
    return refused(refuse('not_found', 'id'), input);
  return { status: 'ok', message: 'Đã ngừng gửi. / Recipient removed.' };
}

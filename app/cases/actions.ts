'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { getDb } from '@/db';
import { addCaseNote, assignCase, changeCaseStatus, findCase, listAssignees } from '@/db/queries/cases';
import { unitAncestors } from '@/db/queries/units';
import { CASE_STATUSES } from '@/lib/cases/status';
import type { Principal } from '@/lib/auth/permissions';
import { actorOf } from '@/server/admin/actor';
import { AuthError, requireAction, unitScope } from '@/server/guard';

export type CaseFormState = {
  ok?: string;
  errors?: Partial<Record<'status' | 'publicReply' | 'body' | 'assignee' | 'form', string>>;
};

const code = z.string().regex(/^PA-[0-9A-Z]{7}-[0-9A-Z]$/);

/** The handler may act on this case: signed in with cases.handle and the case in their scope. */
async function authorize(caseCode: string): Promise<{ principal: Principal; unitId: number } | CaseFormState> {
  let principal: Principal;
  try {
    principal = await requireAction('cases.handle');
  } catch (err) {
    if (err instanceof AuthError)
      return {
        errors: {
          form:
            err.code === 'unauthenticated'
              ? 'Phiên đăng nhập đã hết hạn.'
              : 'Vai trò của bạn không được xử lý phản ánh.',
        },
      };
    throw err;
  }
  const c = code.safeParse(caseCode).success ? await findCase(getDb(), caseCode) : null;
  const scope = await unitScope(principal);
  if (!c || (scope && !scope.has(c.unitId)))
    return { errors: { form: 'Không tìm thấy phản ánh trong phạm vi của bạn.' } };
  return { principal, unitId: c.unitId };
}

const statusForm = z.object({
  status: z.enum(CASE_STATUSES, { error: 'Chọn trạng thái.' }),
  publicReply: z.string().trim().max(4000, { error: 'Trả lời tối đa 4000 ký tự.' }).optional(),
});

export async function changeStatusAction(
  caseCode: string,
  _prev: CaseFormState,
  form: FormData,
): Promise<CaseFormState> {
  const auth = await authorize(caseCode);
  if (!('principal' in auth)) return auth;
  const parsed = statusForm.safeParse({
    status: form.get('status'),
    publicReply: form.get('publicReply') ?? undefined,
  });
  if (!parsed.success)
    return { errors: { [parsed.error.issues[0]!.path[0] as 'status']: parsed.error.issues[0]!.message } };
  const outcome = await changeCaseStatus(
    getDb(),
    { code: caseCode, to: parsed.data.status, publicReply: parsed.data.publicReply, now: Date.now() },
    await actorOf(getDb(), auth.principal),
  );
  if (!outcome.ok)
    return {
      errors: {
        [outcome.field === 'status' || outcome.field === 'publicReply' ? outcome.field : 'form']: outcome.message,
      },
    };
  revalidatePath(`/cases/${caseCode}`);
  return { ok: 'Đã cập nhật trạng thái.' };
}

const noteForm = z.object({
  body: z
    .string()
    .trim()
    .min(1, { error: 'Nhập nội dung ghi chú.' })
    .max(4000, { error: 'Ghi chú tối đa 4000 ký tự.' }),
});

export async function addNoteAction(caseCode: string, _prev: CaseFormState, form: FormData): Promise<CaseFormState> {
  const auth = await authorize(caseCode);
  if (!('principal' in auth)) return auth;
  const parsed = noteForm.safeParse({ body: form.get('body') });
  if (!parsed.success) return { errors: { body: parsed.error.issues[0]!.message } };
  await addCaseNote(
    getDb(),
    { code: caseCode, body: parsed.data.body, now: Date.now() },
    await actorOf(getDb(), auth.principal),
  );
  revalidatePath(`/cases/${caseCode}`);
  return { ok: 'Đã thêm ghi chú.' };
}

export async function assignAction(caseCode: string, _prev: CaseFormState, form: FormData): Promise<CaseFormState> {
  const auth = await authorize(caseCode);
  if (!('principal' in auth)) return auth;
  const raw = String(form.get('assignee') ?? '');
  const assigneeId = raw === '' ? null : Number(raw);
  const db = getDb();
  const candidates = await listAssignees(db, { unitIds: await ancestorsAndSelf(auth.unitId) });
  if (assigneeId !== null && !candidates.some((u) => u.id === assigneeId))
    return { errors: { assignee: 'Người được giao phải là quản lý của đơn vị này.' } };
  await assignCase(db, { code: caseCode, assigneeId, now: Date.now() }, await actorOf(getDb(), auth.principal));
  revalidatePath(`/cases/${caseCode}`);
  return { ok: 'Đã giao phản ánh.' };
}

const ancestorsAndSelf = (unitId: number) => unitAncestors(getDb(), unitId);

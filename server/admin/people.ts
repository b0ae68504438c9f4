// Cores of the admin server actions for accounts, API tokens and surveys (see structure.ts).
import type { Db } from '@/db';
import { createApiToken, revokeApiToken } from '@/db/queries/api-tokens';
import { publishSurveyVersion } from '@/db/queries/surveys';
import { createUser, findUserByUsername, resetUserPassword, updateUser } from '@/db/queries/users';
import { findUnitById } from '@/db/queries/units';
import { importSurvey } from '@/server/seed';
import { fieldError, parseForm, type ActionState } from '@/lib/admin/form';
import { checkSurveyJson, surveyPublishSchema, surveyUploadSchema } from '@/lib/admin/surveys';
import {
  passwordResetSchema,
  tokenCreateSchema,
  tokenRevokeSchema,
  userActiveSchema,
  userCreateSchema,
  userUpdateSchema,
} from '@/lib/admin/users';
import type { Principal } from '@/lib/auth/permissions';
import { hashPassword, hashToken, newSecretToken } from '@/server/secrets';

import { refuse } from '@/lib/result';
import { actorOf, refused } from './actor';

type Input = Record<string, unknown>;

const unitMissing = (input: Input) => fieldError('unitId', 'Đơn vị không tồn tại / unit not found', input);

export async function createUserCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(userCreateSchema, input);
  if (!form.ok) return form.state;
  const { password, ...user } = form.data;
  if (await findUserByUsername(db, { username: user.username }))
    return fieldError('username', 'Tên đăng nhập đã có / username taken', input);
  if (user.unitId !== null && !(await findUnitById(db, user.unitId))) return unitMissing(input);
  const created = await createUser(
    db,
    { ...user, displayName: user.displayName, passwordHash: await hashPassword(password) },
    await actorOf(db, principal),
  );
  return { status: 'ok', message: `Đã tạo tài khoản ${created.username}. / User created.` };
}

export async function updateUserCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(userUpdateSchema, input);
  if (!form.ok) return form.state;
  const result = await updateUser(
    db,
    { ...form.data, displayName: form.data.displayName ?? null },
    await actorOf(db, principal),
  );
  if (!result.ok) return refused(result, input);
  return { status: 'ok', message: 'Đã lưu tài khoản. / User saved.' };
}

export async function setUserActiveCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(userActiveSchema, input);
  if (!form.ok) return form.state;
  const result = await updateUser(db, form.data, await actorOf(db, principal));
  if (!result.ok) return refused(result, input);
  return {
    status: 'ok',
    message: form.data.active
      ? 'Đã mở lại tài khoản. / User enabled.'
      : 'Đã khóa tài khoản và đăng xuất mọi phiên. / User disabled and signed out everywhere.',
  };
}

export async function resetPasswordCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(passwordResetSchema, input);
  if (!form.ok) return form.state;
  const result = await resetUserPassword(
    db,
    { id: form.data.id, passwordHash: await hashPassword(form.data.password) },
    await actorOf(db, principal),
  );
  if (!result.ok) return refused(result, input);
  return { status: 'ok', message: 'Đã đặt lại mật khẩu và đăng xuất mọi phiên. / Password reset; all sessions ended.' };
}

export async function createTokenCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(tokenCreateSchema, input);
  if (!form.ok) return form.state;
  if (form.data.unitId !== null && !(await findUnitById(db, form.data.unitId))) return unitMissing(input);
  const secret = newSecretToken('hl_');
  const row = await createApiToken(db, { ...form.data, tokenHash: hashToken(secret) }, await actorOf(db, principal));
  return {
    status: 'ok',
    message: `Đã tạo khóa API “${row.name}”. Chép ngay: khóa chỉ hiện một lần. / Token created; copy it now, it is shown once.`,
    secret,
  };
}

export async function revokeTokenCore(
  db: Db,
  principal: Principal,
  input: Input,
  now = Date.now(),
): Promise<ActionState> {
  const form = parseForm(tokenRevokeSchema, input);
  if (!form.ok) return form.state;
  if (!(await revokeApiToken(db, { id: form.data.id, now }, await actorOf(db, principal))))
    return refused(refuse('not_found', 'id'), input);
  return { status: 'ok', message: 'Đã thu hồi khóa. / Token revoked.' };
}

/** Validates the uploaded JSON and stores it as the survey's next immutable version. */
export async function uploadSurveyCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(surveyUploadSchema, input);
  if (!form.ok) return form.state;
  const check = checkSurveyJson(form.data.definition);
  if (!check.ok) {
    return {
      status: 'error',
      message: `Phiếu không hợp lệ, chưa lưu (${check.problems.length} lỗi). / Invalid survey, nothing stored.`,
      fieldErrors: { definition: check.problems },
      values: { slug: form.data.slug, definition: form.data.definition },
    };
  }
  const result = await importSurvey(
    db,
    { slug: form.data.slug, json: check.json, source: 'upload', publish: form.data.publish },
    await actorOf(db, principal),
  );
  const what = result.created ? `phiên bản mới ${result.version}` : `không đổi, giống phiên bản ${result.version}`;
  const whatEn = result.created ? `new version ${result.version}` : `unchanged, same as version ${result.version}`;
  return {
    status: 'ok',
    message: `${form.data.slug}: ${what}${result.published ? ', đang dùng' : ''}. / ${whatEn}${result.published ? ', published' : ''}.`,
  };
}

export async function publishSurveyCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(surveyPublishSchema, input);
  if (!form.ok) return form.state;
  const result = await publishSurveyVersion(db, form.data, await actorOf(db, principal));
  if (!result.ok) return refused(refuse('not_found', 'version'), input);
  return { status: 'ok', message: `Đã xuất bản ${form.data.slug} phiên bản ${form.data.version}. / Published.` };
}

import QRCode from 'qrcode';

import type { Db } from '@/db';
import { appendAudit } from '@/db/queries/audit';
import { renameDevice, revokeDevice } from '@/db/queries/devices';
import { deviceCreateSchema, deviceIdSchema, deviceRenameSchema } from '@/lib/admin/devices';
import { fieldError, parseForm, type ActionState } from '@/lib/admin/form';
import type { Principal } from '@/lib/auth/permissions';

import { provisionDevice, relinkDevice } from '../devices';
import { actorOf, refused } from './actor';

type Input = Record<string, unknown>;

const qrOf = (link: string) => QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 2, width: 320 });

export async function createDeviceCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(deviceCreateSchema, input);
  if (!form.ok) return form.state;
  const made = await provisionDevice(db, form.data);
  if (!made.ok) return refused(made, input);
  await auditDevice(db, principal, 'device.create', made.id, { point: form.data.pointCode, name: made.name });
  return {
    status: 'ok',
    message: `Đã tạo máy #${made.id} “${made.name}”. Mở liên kết (hoặc quét mã QR) trên máy tính bảng trong 24 giờ. Mã PIN nhân viên: ${made.pin} (chỉ hiện một lần). / Device created: open the link on the tablet within 24 h; staff PIN shown once.`,
    secret: made.link,
    qr: await qrOf(made.link),
  };
}

export async function renameDeviceCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(deviceRenameSchema, input);
  if (!form.ok) return form.state;
  if (!(await renameDevice(db, form.data))) return fieldError('id', 'Không tìm thấy máy / device not found', input);
  await auditDevice(db, principal, 'device.rename', form.data.id, { name: form.data.name });
  return { status: 'ok', message: 'Đã đổi tên máy. / Device renamed.' };
}

export async function revokeDeviceCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(deviceIdSchema, input);
  if (!form.ok) return form.state;
  if (!(await revokeDevice(db, { id: form.data.id, now: Date.now() })))
    return fieldError('id', 'Máy không tồn tại hoặc đã bị thu hồi / unknown or already revoked', input);
  await auditDevice(db, principal, 'device.revoke', form.data.id);
  return { status: 'ok', message: 'Đã thu hồi máy: máy tính bảng sẽ báo “máy chưa được kết nối”. / Device revoked.' };
}

export async function relinkDeviceCore(db: Db, principal: Principal, input: Input): Promise<ActionState> {
  const form = parseForm(deviceIdSchema, input);
  if (!form.ok) return form.state;
  const link = await relinkDevice(db, form.data.id);
  if (!link) return fieldError('id', 'Máy không tồn tại hoặc đã bị thu hồi / unknown or already revoked', input);
  await auditDevice(db, principal, 'device.relink', form.data.id);
  return {
    status: 'ok',
    message: 'Liên kết kết nối mới (24 giờ); máy cũ mất quyền khi liên kết được dùng. / New pairing link.',
    secret: link,
    qr: await qrOf(link),
  };
}

/** One entry in the audit log for a change to a kiosk device, by the person who made it. */
async function auditDevice(db: Db, principal: Principal, action: string, id: number, after?: object): Promise<void> {
  const actor = await actorOf(db, principal);
  await appendAudit(db, {
    by: actor,
    action,
    entity: 'device',
    entityId: id,
    after,
  });
}

// The kiosk's shift: which officer is at the desk now (OFFICER_RATINGS). Chosen in the staff
// panel behind the PIN; kiosk answers get the officer from here on the server (server/ingest.ts).
import { withTransaction, type Db } from '@/db';
import { appendAudit } from '@/db/queries/audit';
import { findOfficer, findShiftOfficer, listOfficers, setDeviceShift, type OfficerRow } from '@/db/queries/officers';
import { findPointByCode } from '@/db/queries/points';
import { shiftBounds } from '@/lib/officers/shift';

export type OfficerCard = { id: number; name: string; title: string | null; photo: string | null };
export type ShiftOfficer = OfficerCard & { until: number };

const card = (o: OfficerRow): OfficerCard => ({ id: o.id, name: o.name, title: o.title, photo: o.photo });

/** The officer on shift at a device now, as the attract screen shows them, or null. */
export async function currentShift(db: Db, deviceId: number, now = Date.now()): Promise<ShiftOfficer | null> {
  const o = await findShiftOfficer(db, { deviceId, now });
  return o ? { ...card(o), until: o.shiftUntil } : null;
}

/** The active officers of the desk's unit: whom the staff panel offers. */
export async function officersForDesk(db: Db, pointCode: string): Promise<OfficerCard[]> {
  const point = await findPointByCode(db, { code: pointCode });
  if (!point) return [];
  return (await listOfficers(db, { unitIds: [point.unit.id], activeOnly: true })).map(card);
}

export type ShiftChange = { ok: true; officer: ShiftOfficer | null } | { ok: false; code: string; message: string };

/** Sets (or ends, with null) the shift of a device; the officer must be active and of the desk's unit. */
export async function changeShift(
  db: Db,
  device: { id: number; name: string; pointCode: string },
  officerId: number | null,
  now = Date.now(),
): Promise<ShiftChange> {
  let officer: OfficerRow | null = null;
  if (officerId !== null) {
    const point = await findPointByCode(db, { code: device.pointCode });
    officer = await findOfficer(db, officerId);
    if (!officer || !officer.active || !point || officer.unitId !== point.unit.id)
      return { ok: false, code: 'unknown_officer', message: `No active officer ${officerId} at this desk's unit.` };
  }
  const bounds = officer ? shiftBounds(now) : null;
  await withTransaction(db, async (tx) => {
    await setDeviceShift(tx, {
      deviceId: device.id,
      officerId: officer?.id ?? null,
      from: bounds?.from ?? null,
      until: bounds?.until ?? null,
    });
    await appendAudit(
      tx,
      {
        by: { userId: null, label: `device:${device.name}` },
        action: officer ? 'kiosk.shift.start' : 'kiosk.shift.end',
        entity: 'device',
        entityId: device.id,
        after: officer ? { officer: officer.id, until: bounds!.until } : null,
      },
      now,
    );
  });
  return { ok: true, officer: officer ? { ...card(officer), until: bounds!.until } : null };
}

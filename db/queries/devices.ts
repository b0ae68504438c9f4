import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';

import { first, type Db, type Queryable } from '../index';
import { devices, servicePoints, units } from '../schema';

export const PAIRING_TTL_MS = 24 * 60 * 60_000;

export type DeviceListRow = {
  id: number;
  name: string;
  pointCode: string;
  pointName: string;
  pairedAt: number | null;
  pairingExpiresAt: number | null;
  revokedAt: number | null;
  lastSeenAt: number | null;
  appVersion: string | null;
  queueLength: number | null;
  lastError: string | null;
};

/** Creates a device for a desk with a fresh one-time pairing token (hashed by the caller). */
export async function createDevice(
  db: Queryable,
  input: { pointId: number; name: string; pairingTokenHash: string; pinHash: string | null; now: number },
): Promise<{ id: number }> {
  const [row] = await db
    .insert(devices)
    .values({
      pointId: input.pointId,
      name: input.name,
      pairingTokenHash: input.pairingTokenHash,
      pairingExpiresAt: input.now + PAIRING_TTL_MS,
      pinHash: input.pinHash,
      createdAt: input.now,
    })
    .returning({ id: devices.id });
  return row!;
}

/** A new pairing link for an existing device; the tablet that uses it replaces the old one. */
export async function renewPairing(
  db: Queryable,
  { id, pairingTokenHash, now }: { id: number; pairingTokenHash: string; now: number },
): Promise<boolean> {
  const r = await db
    .update(devices)
    .set({ pairingTokenHash, pairingExpiresAt: now + PAIRING_TTL_MS })
    .where(and(eq(devices.id, id), isNull(devices.revokedAt)))
    .returning({ id: devices.id });
  return r.length === 1;
}

export async function listDevices(db: Queryable): Promise<DeviceListRow[]> {
  return db
    .select({
      id: devices.id,
      name: devices.name,
      pointCode: servicePoints.code,
      pointName: servicePoints.name,
      pairedAt: devices.pairedAt,
      pairingExpiresAt: devices.pairingExpiresAt,
      revokedAt: devices.revokedAt,
      lastSeenAt: devices.lastSeenAt,
      appVersion: devices.appVersion,
      queueLength: devices.queueLength,
      lastError: devices.lastError,
    })
    .from(devices)
    .innerJoin(servicePoints, eq(servicePoints.id, devices.pointId))
    .orderBy(asc(servicePoints.code), asc(devices.id));
}

export async function revokeDevice(db: Queryable, { id, now }: { id: number; now: number }): Promise<boolean> {
  const r = await db
    .update(devices)
    .set({ revokedAt: now, credentialHash: null, pairingTokenHash: null })
    .where(and(eq(devices.id, id), isNull(devices.revokedAt)))
    .returning({ id: devices.id });
  return r.length === 1;
}

/** What the pairing page shows before the button is pressed: which desk, and whether the link still works. */
export async function findPairing(db: Queryable, { tokenHash, now }: { tokenHash: string; now: number }) {
  return first(
    await db
      .select({ id: devices.id, name: devices.name, pointName: servicePoints.name, unitName: units.name })
      .from(devices)
      .innerJoin(servicePoints, eq(servicePoints.id, devices.pointId))
      .innerJoin(units, eq(units.id, servicePoints.unitId))
      .where(
        and(eq(devices.pairingTokenHash, tokenHash), isNull(devices.revokedAt), gt(devices.pairingExpiresAt, now)),
      ),
  );
}

/**
 * Spends a pairing token: binds the new credential and clears the token in one statement, so
 * two tablets racing on one link cannot both win.
 */
export async function consumePairing(
  db: Queryable,
  { tokenHash, credentialHash, now }: { tokenHash: string; credentialHash: string; now: number },
): Promise<boolean> {
  const r = await db
    .update(devices)
    .set({ credentialHash, pairingTokenHash: null, pairingExpiresAt: null, pairedAt: now })
    .where(and(eq(devices.pairingTokenHash, tokenHash), isNull(devices.revokedAt), gt(devices.pairingExpiresAt, now)))
    .returning({ id: devices.id });
  return r.length === 1;
}

export type PairedDevice = {
  id: number;
  name: string;
  pointCode: string;
  pinHash: string | null;
};

function prepareFindByCredential(db: Db) {
  return db
    .select({ id: devices.id, name: devices.name, pointCode: servicePoints.code, pinHash: devices.pinHash })
    .from(devices)
    .innerJoin(servicePoints, eq(servicePoints.id, devices.pointId))
    .where(and(eq(devices.credentialHash, sql.placeholder('credentialHash')), isNull(devices.revokedAt)))
    .prepare();
}

// Every kiosk response looks its device up: the statement is built once per connection.
const byCredential = new WeakMap<Db, ReturnType<typeof prepareFindByCredential>>();

/** The live (paired, not revoked) device holding this credential hash. */
export async function findDeviceByCredential(db: Db, credentialHash: string): Promise<PairedDevice | null> {
  let stmt = byCredential.get(db);
  if (!stmt) byCredential.set(db, (stmt = prepareFindByCredential(db)));
  return first(await stmt.execute({ credentialHash }));
}

export async function recordHeartbeat(
  db: Queryable,
  input: { id: number; now: number; appVersion: string; queueLength: number; lastError: string | null },
): Promise<void> {
  await db
    .update(devices)
    .set({
      lastSeenAt: input.now,
      appVersion: input.appVersion,
      queueLength: input.queueLength,
      lastError: input.lastError,
    })
    .where(eq(devices.id, input.id));
}

export async function renameDevice(db: Queryable, { id, name }: { id: number; name: string }): Promise<boolean> {
  return (await db.update(devices).set({ name }).where(eq(devices.id, id)).returning({ id: devices.id })).length === 1;
}

import type { Statement } from 'better-sqlite3';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';

import type { Db } from '../index';
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
export function createDevice(
  db: Db,
  input: { pointId: number; name: string; pairingTokenHash: string; pinHash: string | null; now: number },
): { id: number } {
  const row = db
    .insert(devices)
    .values({
      pointId: input.pointId,
      name: input.name,
      pairingTokenHash: input.pairingTokenHash,
      pairingExpiresAt: input.now + PAIRING_TTL_MS,
      pinHash: input.pinHash,
      createdAt: input.now,
    })
    .returning({ id: devices.id })
    .get();
  return row;
}

/** A new pairing link for an existing device; the tablet that uses it replaces the old one. */
export function renewPairing(db: Db, { id, pairingTokenHash, now }: { id: number; pairingTokenHash: string; now: number }): boolean {
  const r = db
    .update(devices)
    .set({ pairingTokenHash, pairingExpiresAt: now + PAIRING_TTL_MS })
    .where(and(eq(devices.id, id), isNull(devices.revokedAt)))
    .run();
  return r.changes === 1;
}

export function listDevices(db: Db): DeviceListRow[] {
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
    .orderBy(asc(servicePoints.code), asc(devices.id))
    .all();
}

export function revokeDevice(db: Db, { id, now }: { id: number; now: number }): boolean {
  const r = db
    .update(devices)
    .set({ revokedAt: now, credentialHash: null, pairingTokenHash: null })
    .where(and(eq(devices.id, id), isNull(devices.revokedAt)))
    .run();
  return r.changes === 1;
}

/** What the pairing page shows before the button is pressed: which desk, and whether the link still works. */
export function findPairing(db: Db, { tokenHash, now }: { tokenHash: string; now: number }) {
  return (
    db
      .select({ id: devices.id, name: devices.name, pointName: servicePoints.name, unitName: units.name })
      .from(devices)
      .innerJoin(servicePoints, eq(servicePoints.id, devices.pointId))
      .innerJoin(units, eq(units.id, servicePoints.unitId))
      .where(and(eq(devices.pairingTokenHash, tokenHash), isNull(devices.revokedAt), gt(devices.pairingExpiresAt, now)))
      .get() ?? null
  );
}

/**
 * Spends a pairing token: binds the new credential and clears the token in one statement, so
 * two tablets racing on one link cannot both win.
 */
export function consumePairing(
  db: Db,
  { tokenHash, credentialHash, now }: { tokenHash: string; credentialHash: string; now: number },
): boolean {
  const r = db
    .update(devices)
    .set({ credentialHash, pairingTokenHash: null, pairingExpiresAt: null, pairedAt: now })
    .where(and(eq(devices.pairingTokenHash, tokenHash), isNull(devices.revokedAt), gt(devices.pairingExpiresAt, now)))
    .run();
  return r.changes === 1;
}

export type PairedDevice = {
  id: number;
  name: string;
  pointCode: string;
  pinHash: string | null;
};

// Every kiosk response looks its device up: prepared once per connection.
const byCredential = new WeakMap<Db, Statement<[string], PairedDevice>>();

/** The live (paired, not revoked) device holding this credential hash. */
export function findDeviceByCredential(db: Db, credentialHash: string): PairedDevice | null {
  let stmt = byCredential.get(db);
  if (!stmt) {
    stmt = db.$client.prepare(
      `SELECT d.id, d.name, p.code AS pointCode, d.pin_hash AS pinHash
       FROM devices d JOIN service_points p ON p.id = d.point_id
       WHERE d.credential_hash = ? AND d.revoked_at IS NULL`,
    );
    byCredential.set(db, stmt);
  }
  return stmt.get(credentialHash) ?? null;
}

export function recordHeartbeat(
  db: Db,
  input: { id: number; now: number; appVersion: string; queueLength: number; lastError: string | null },
): void {
  db.update(devices)
    .set({ lastSeenAt: input.now, appVersion: input.appVersion, queueLength: input.queueLength, lastError: input.lastError })
    .where(eq(devices.id, input.id))
    .run();
}

export function renameDevice(db: Db, { id, name }: { id: number; name: string }): boolean {
  return db.update(devices).set({ name }).where(eq(devices.id, id)).run().changes === 1;
}

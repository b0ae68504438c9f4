// The kiosk's durable queue in IndexedDB: an answer is committed here before the citizen sees
// "thank you", and leaves only when the server acknowledged it (or refused it for good, in
// which case it moves to `setAside` for staff to report).
import type { QueueEntry } from '@/lib/kiosk/queue';

const DB_NAME = 'hailong-kiosk';
const PENDING = 'pending';
const SET_ASIDE = 'setAside';
const META = 'meta';

export type SetAsideEntry = QueueEntry & { reason: string; setAsideAt: number };

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore(PENDING, { keyPath: 'id' });
      db.createObjectStore(SET_ASIDE, { keyPath: 'id' });
      db.createObjectStore(META);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = undefined;
      reject(req.error);
    };
  });
  return opening;
}

/** Runs one transaction and resolves when it has committed (durably, for readwrite). */
async function tx<T>(
  stores: string[],
  mode: IDBTransactionMode,
  work: (t: IDBTransaction) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const t = db.transaction(stores, mode, { durability: 'strict' });
    let result: T | undefined;
    const req = work(t);
    if (req) req.onsuccess = () => (result = req.result);
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export const enqueue = (entry: QueueEntry) =>
  tx([PENDING], 'readwrite', (t) => t.objectStore(PENDING).put(entry)).then(() => undefined);
export const update = enqueue;
export const removeEntry = (id: string) =>
  tx([PENDING], 'readwrite', (t) => t.objectStore(PENDING).delete(id)).then(() => undefined);
export const pendingEntries = async () =>
  (await tx<QueueEntry[]>([PENDING], 'readonly', (t) => t.objectStore(PENDING).getAll())) ?? [];
export const setAsideCount = async () =>
  (await tx<number>([SET_ASIDE], 'readonly', (t) => t.objectStore(SET_ASIDE).count())) ?? 0;

/** Moves an entry the server will never accept out of the queue, in one transaction. */
export function setAside(entry: QueueEntry, reason: string, now: number): Promise<void> {
  return tx([PENDING, SET_ASIDE], 'readwrite', (t) => {
    t.objectStore(SET_ASIDE).put({ ...entry, reason, setAsideAt: now } satisfies SetAsideEntry);
    t.objectStore(PENDING).delete(entry.id);
  }).then(() => undefined);
}

export const readMeta = <T>(key: string) => tx<T>([META], 'readonly', (t) => t.objectStore(META).get(key));
export const writeMeta = (key: string, value: unknown) =>
  tx([META], 'readwrite', (t) => t.objectStore(META).put(value, key)).then(() => undefined);

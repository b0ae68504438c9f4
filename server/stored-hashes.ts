import { dialectOf, type Db } from '@/db/index';
import { findResponseBodyHash, findResponseBodyHashes } from '@/db/queries/insert-response';

// At most this many ids in one query (one bound parameter each).
const MAX_IDS = 500;

type Waiting = { resolve(hash: string | null): void; reject(err: unknown): void }[];

/**
 * The stored body hash of a response id, which each request looks up first so that a retry is
 * answered from what was stored (server/ingest.ts). On PostgreSQL every lookup was a round trip
 * of its own through the pool, one per request besides its batch's: the lookups of requests that
 * arrive in the same turn of the event loop now go as one query. SQLite answers in microseconds
 * in process, so it looks each up at once.
 */
export class StoredHashes {
  private pending = new Map<string, Waiting>();
  private scheduled = false;

  constructor(private readonly db: Db) {}

  find(id: string): Promise<string | null> {
    if (dialectOf(this.db) === 'sqlite') return findResponseBodyHash(this.db, id);
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(id);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(id, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const pending = this.pending;
    this.pending = new Map();
    const ids = [...pending.keys()];
    for (let i = 0; i < ids.length; i += MAX_IDS) {
      const chunk = ids.slice(i, i + MAX_IDS);
      try {
        const hashes = await findResponseBodyHashes(this.db, chunk);
        for (const id of chunk) for (const w of pending.get(id)!) w.resolve(hashes.get(id) ?? null);
      } catch (err) {
        for (const id of chunk) for (const w of pending.get(id)!) w.reject(err);
      }
    }
  }
}

const lookups = new WeakMap<Db, StoredHashes>();

/** The process's lookup for this connection. */
export function storedHashes(db: Db): StoredHashes {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = new StoredHashes(db)));
  return lookup;
}

import type { Queryable } from '@/db/index';
import { latestAuditId, localAuditWrites } from '@/db/queries/audit';

/**
 * The ingest path's lookups of published survey versions, desks and procedures, kept in memory:
 * each was one to three queries per response. Every change to them is audited (db/queries/units,
 * points, procedures, surveys append to audit_log in the change's transaction), so the newest
 * audit id is the catalogue's version. The cache is dropped when this process appends an audit
 * entry (seen at once), and when another instance's change moves the newest audit id, which each
 * group commit reads (server/ingest-batcher.ts) and a request checks itself when no batch has for
 * CHECK_MS. What another instance changes is therefore seen within about a batch, or CHECK_MS
 * when idle.
 */
const CHECK_MS = 1000;
const MAX_ENTRIES = 10_000;

type State = { version: number; local: number; checkedAt: number; entries: Map<string, Promise<unknown>> };
const states = new WeakMap<Queryable, State>();

function stateOf(db: Queryable): State {
  let state = states.get(db);
  if (!state) states.set(db, (state = { version: -1, local: localAuditWrites(), checkedAt: 0, entries: new Map() }));
  return state;
}

/** Records the catalogue version a group commit read; a change empties the cache. */
export function noteCatalogVersion(db: Queryable, version: number, now = Date.now()): void {
  const state = stateOf(db);
  if (state.version !== version) {
    state.entries.clear();
    state.version = version;
  }
  state.checkedAt = now;
}

/** What `load(db, args)` returns, from memory while the catalogue has not changed. */
export async function cachedLookup<D extends Queryable, A, T>(
  db: D,
  load: (db: D, args: A) => Promise<T>,
  args: A,
): Promise<T> {
  const state = stateOf(db);
  const local = localAuditWrites();
  if (state.local !== local) {
    state.entries.clear();
    state.local = local;
  }
  const now = Date.now();
  if (now - state.checkedAt > CHECK_MS) noteCatalogVersion(db, await latestAuditId(db), now);
  const key = `${load.name}\u0000${JSON.stringify(args)}`;
  let entry = state.entries.get(key) as Promise<T> | undefined;
  if (!entry) {
    // Codes come from the request: a flood of made-up ones must not grow the cache without end.
    if (state.entries.size >= MAX_ENTRIES) state.entries.clear();
    entry = load(db, args);
    state.entries.set(key, entry);
    // A miss (null: an unknown code, refused anyway) or a failure is not remembered.
    entry.then(
      (value) => value === null && state.entries.delete(key),
      () => state.entries.delete(key),
    );
  }
  return entry;
}

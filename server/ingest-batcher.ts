import { dialectOf, withTransaction, type Db, type Queryable } from '@/db/index';
import { latestAuditId } from '@/db/queries/audit';
import { insertResponseBatch, type BatchItem, type InsertOutcome } from '@/db/queries/insert-response';

import { noteCatalogVersion } from './catalog-cache';

/** What runs in the batch's transaction after a response was inserted (opening its case); returns the case code. */
/** Runs in the batch's transaction after the response was inserted, with the flags it was stored with. */
export type AfterInsert = (tx: Queryable, flags: number) => Promise<string | null>;

export type StoredOutcome =
  (InsertOutcome & { inserted: false }) | { inserted: true; flags: number; caseCode: string | null };

type Job = {
  item: BatchItem;
  afterInsert?: AfterInsert;
  resolve(outcome: StoredOutcome): void;
  reject(err: unknown): void;
};

// The most responses one transaction takes; more wait for the next.
const MAX_BATCH = 256;
// Transactions written at once. SQLite runs one at a time anyway. On PostgreSQL a batch spends
// most of its time waiting for round trips and the commit's WAL flush, so several overlap (they
// take rollup rows and dossier locks in key order, so they wait for each other, never deadlock).
const IN_FLIGHT = { sqlite: 1, postgres: 4 };

/**
 * Group commit: the responses that arrive while a transaction is being written are written
 * together in the next one, with their rollup counts summed in memory (db/queries/insert-response
 * insertResponseBatch). A batch starts as soon as the previous one committed, so an idle server
 * adds no wait, and a busy one writes as many responses per commit (per fsync, per rollup row) as
 * arrived during the last commit. Each request is answered only when its batch has committed.
 * A response that is refused inside the batch (an id already stored, a dossier already rated)
 * gets its own outcome; a batch that fails as a whole (the disk is full, the database went away)
 * answers every request in it with the error and stores none of them.
 */
export class IngestBatcher {
  private queue: Job[] = [];
  private running = 0;
  private scheduled = false;
  /** Sizes of the batches written, for tests and the bench. */
  readonly stats = { batches: 0, responses: 0, largest: 0 };

  private readonly inFlight: number;

  constructor(private readonly db: Db) {
    this.inFlight = IN_FLIGHT[dialectOf(db)];
  }

  submit(item: BatchItem, afterInsert?: AfterInsert): Promise<StoredOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, afterInsert, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running >= this.inFlight || this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    // After the current turn of the event loop: the requests that arrived together go together.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
      // Another transaction may start at once with what is left.
      this.schedule();
    });
  }

  private async flush(): Promise<void> {
    this.running += 1;
    const jobs = this.queue.splice(0, MAX_BATCH);
    try {
      const outcomes = await withTransaction(this.db, async (tx) => {
        const inserted = await insertResponseBatch(
          tx,
          jobs.map((j) => j.item),
        );
        const stored: StoredOutcome[] = [];
        for (const [i, outcome] of inserted.entries()) {
          const job = jobs[i]!;
          stored.push(
            outcome.inserted
              ? { ...outcome, caseCode: job.afterInsert ? await job.afterInsert(tx, outcome.flags) : null }
              : outcome,
          );
        }
        // The catalogue's version, for the lookups cached in memory (server/catalog-cache.ts).
        noteCatalogVersion(this.db, await latestAuditId(tx));
        return stored;
      });
      this.stats.batches += 1;
      this.stats.responses += jobs.length;
      this.stats.largest = Math.max(this.stats.largest, jobs.length);
      jobs.forEach((job, i) => job.resolve(outcomes[i]!));
    } catch (err) {
      for (const job of jobs) job.reject(err);
    } finally {
      this.running -= 1;
      this.schedule();
    }
  }
}

const batchers = new WeakMap<Db, IngestBatcher>();

/** The process's batcher for this connection. */
export function ingestBatcher(db: Db): IngestBatcher {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new IngestBatcher(db)));
  return batcher;
}

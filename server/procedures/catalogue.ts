import type { Db } from '@/db';
import { listPublishedProcedures, type PublishedProcedure } from '@/db/queries/procedure-versions';
import { deskFirst, filterCatalogue, sectorsOf, type CatalogueQuery } from '@/lib/procedures/search';
import { localDay } from '@/lib/time/local';

// The published catalogue for /thu-tuc, /api/procedures and the kiosk: read whole (it is small)
// and kept for a minute per instance, so a busy lookup does not query per keystroke. An import
// or an edit on this instance clears it at once; other instances see it within the minute.

const TTL_MS = 60_000;
type Cached = { db: Db; day: string; at: number; items: Promise<PublishedProcedure[]> } | null;
// On globalThis: Next bundles pages, route handlers and server actions apart, each with its own
// copy of this module, and an import through one must clear the cache the others read.
const holder = globalThis as typeof globalThis & { __hailongCatalogue?: Cached };

export function publishedCatalogue(db: Db, now = Date.now()): Promise<PublishedProcedure[]> {
  const day = localDay(now);
  const cached = holder.__hailongCatalogue;
  if (cached && cached.db === db && cached.day === day && now - cached.at <= TTL_MS) return cached.items;
  const items = listPublishedProcedures(db, { today: day });
  holder.__hailongCatalogue = { db, day, at: now, items };
  items.catch(() => (holder.__hailongCatalogue = null));
  return items;
}

export function forgetCatalogue(): void {
  holder.__hailongCatalogue = null;
}

/** The catalogue's matches for a query, with the sectors for the filter. */
export async function searchPublished(db: Db, query: CatalogueQuery) {
  const all = await publishedCatalogue(db);
  return { items: filterCatalogue(all, query), sectors: sectorsOf(all) };
}

export async function findPublished(db: Db, code: string): Promise<PublishedProcedure | null> {
  return (await publishedCatalogue(db)).find((p) => p.record.code === code) ?? null;
}

/** For a desk's tablet: the whole catalogue, the desk's own procedures first. */
export async function catalogueForDesk(db: Db, point: string): Promise<PublishedProcedure[]> {
  return deskFirst(await publishedCatalogue(db), point);
}

import { foldVietnamese, matchesFolded } from '../text/fold';
import { searchText, type ProcedureRecord } from './record';

// Search of the published catalogue, the same on the server (/thu-tuc, /api/procedures) and on
// the kiosk tablet (offline, from the catalogue stored with its page): every word of the query,
// with or without diacritics, in the code, name or sector.

export type Searchable = { record: Pick<ProcedureRecord, 'code' | 'name' | 'sector'>; points: readonly string[] };

export type CatalogueQuery = { q?: string; sector?: string; point?: string };

const folded = new WeakMap<Searchable, string>();
const foldedText = (item: Searchable) => {
  let text = folded.get(item);
  if (text === undefined) folded.set(item, (text = foldVietnamese(searchText(item.record))));
  return text;
};

/** The items matching the query, the sector (exact) and the desk (its procedures only), in order. */
export function filterCatalogue<T extends Searchable>(
  items: readonly T[],
  { q = '', sector, point }: CatalogueQuery,
): T[] {
  return items.filter(
    (item) =>
      (!sector || item.record.sector === sector) &&
      (!point || item.points.includes(point)) &&
      matchesFolded(foldedText(item), q),
  );
}

/** The desk's own procedures first, each group in its given order (a stable partition). */
export function deskFirst<T extends Searchable>(items: readonly T[], point: string): T[] {
  return [...items.filter((i) => i.points.includes(point)), ...items.filter((i) => !i.points.includes(point))];
}

/** The sectors present, in Vietnamese alphabetical order. */
export function sectorsOf(items: readonly Searchable[]): string[] {
  return [...new Set(items.map((i) => i.record.sector).filter((s): s is string => !!s))].sort((a, b) =>
    a.localeCompare(b, 'vi'),
  );
}

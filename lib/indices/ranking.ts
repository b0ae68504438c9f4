import { round2, round2Interval } from './round';
import { isSuppressed } from './suppression';
import type { Interval } from './types';
import { wilsonInterval } from './wilson';

/** One unit, desk or procedure with its satisfied answers out of n. */
export interface RankingRow {
  key: string;
  label: string;
  n: number;
  satisfied: number;
}

export interface RankedRow extends RankingRow {
  /** 1-based; rows with exactly the same index share a rank (1, 2, 2, 4). */
  rank: number;
  index: number;
  ci95: Interval;
}

export interface Ranking {
  ranked: RankedRow[];
  /** Rows below `minResponses`, most answers first: they have no index to rank by. */
  suppressed: RankingRow[];
}

/**
 * Ranks rows by satisfied ÷ n, highest first, then by n (a larger sample first), then label.
 * Indices are compared exactly as fractions (k1·n2 vs k2·n1) so that 2/3 and 4/6 tie and two
 * rows are never ordered by floating-point noise; rounding happens only in the output.
 */
export function rankByIndex(args: { rows: readonly RankingRow[]; minResponses: number }): Ranking {
  const { rows, minResponses } = args;
  const eligible = rows.filter((row) => !isSuppressed(row.n, minResponses));
  const suppressed = rows
    .filter((row) => isSuppressed(row.n, minResponses))
    .sort((a, b) => b.n - a.n || compareLabels(a, b));

  const sorted = [...eligible].sort((a, b) => compareIndex(b, a) || b.n - a.n || compareLabels(a, b));
  const ranked: RankedRow[] = [];
  for (const row of sorted) {
    const interval = wilsonInterval(row.satisfied, row.n);
    if (interval === null) continue; // unreachable: suppression already excludes n = 0
    const previous = ranked.at(-1);
    const tied = previous !== undefined && compareIndex(previous, row) === 0;
    ranked.push({
      ...row,
      rank: tied ? previous.rank : ranked.length + 1,
      index: round2((row.satisfied / row.n) * 100),
      ci95: round2Interval(interval),
    });
  }
  return { ranked, suppressed };
}

/** Sign of a.satisfied/a.n − b.satisfied/b.n, exact for counts below 2^26 each. */
function compareIndex(a: RankingRow, b: RankingRow): number {
  return Math.sign(a.satisfied * b.n - b.satisfied * a.n);
}

function compareLabels(a: RankingRow, b: RankingRow): number {
  return a.label.localeCompare(b.label, 'vi') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

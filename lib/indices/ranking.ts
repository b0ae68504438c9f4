import type { IndicesResult, Interval } from './types';
import { verdicts, verdictsAgainstOwn, type Verdict } from './verdict';

/** One unit, desk, procedure or channel with its index computed by the survey's one method. */
export interface RankingRow {
  key: string;
  label: string;
  result: IndicesResult;
  /** This row's own benchmark (an officer's unit), tested instead of the ranking's. */
  benchmark?: number | null;
}

export interface RankedRow {
  /** 1-based; rows with the same (displayed) index share a rank (1, 2, 2, 4). */
  rank: number;
  key: string;
  label: string;
  /** People who answered: what suppression counts. */
  responses: number;
  /** Answers to the index criteria (several per person). */
  n: number;
  index: number;
  ci95: Interval;
  /** Against the ranking's benchmark (or the row's own), Holm-corrected across its rows. */
  verdict: Verdict;
  /** The row's own benchmark, when it has one (an officer's unit index). */
  benchmark?: number | null;
  /** Against the department's target (SATISFACTION_TARGET), when one is set. */
  targetVerdict?: Verdict;
}

export interface SuppressedRow {
  key: string;
  label: string;
  responses: number;
  n: number;
}

export interface Ranking {
  ranked: RankedRow[];
  /** Rows below MIN_RESPONSES respondents, most respondents first: never ranked or named. */
  suppressed: SuppressedRow[];
}

/**
 * Ranks rows by their index, highest first, then by respondents (a larger sample first), then
 * label; each ranked row gets its verdict against `benchmark` (and `target`), corrected across
 * the ranked rows. A position in the list never decides a verdict.
 */
export function rankByIndex(args: {
  rows: readonly RankingRow[];
  benchmark: number | null;
  target?: number | null;
}): Ranking {
  const { rows, benchmark, target = null } = args;
  const eligible = rows.filter(
    (row) => row.result.index !== null && row.result.ci95 !== null && row.result.effectiveN !== null,
  );
  const suppressed = rows
    .filter((row) => !eligible.includes(row))
    .map((row) => ({ key: row.key, label: row.label, responses: row.result.responses, n: row.result.answers }))
    .sort((a, b) => b.responses - a.responses || compareLabels(a, b));

  const sorted = [...eligible].sort(
    (a, b) => b.result.index! - a.result.index! || b.result.responses - a.result.responses || compareLabels(a, b),
  );
  const tests = sorted.map((row) => ({ index: row.result.index!, effectiveN: row.result.effectiveN! }));
  const ownBenchmarks = sorted.some((row) => row.benchmark !== undefined);
  const byBenchmark = ownBenchmarks
    ? verdictsAgainstOwn(sorted.map((row, i) => ({ ...tests[i]!, benchmark: row.benchmark ?? null })))
    : benchmark === null
      ? null
      : verdicts(tests, benchmark);
  const byTarget = target === null ? null : verdicts(tests, target);
  const ranked: RankedRow[] = [];
  sorted.forEach((row, i) => {
    const previous = ranked.at(-1);
    const tied = previous !== undefined && previous.index === row.result.index;
    ranked.push({
      rank: tied ? previous.rank : ranked.length + 1,
      key: row.key,
      label: row.label,
      responses: row.result.responses,
      n: row.result.answers,
      index: row.result.index!,
      ci95: row.result.ci95!,
      verdict: byBenchmark?.[i]?.verdict ?? 'within',
      ...(ownBenchmarks ? { benchmark: row.benchmark ?? null } : {}),
      ...(byTarget ? { targetVerdict: byTarget[i]!.verdict } : {}),
    });
  });
  return { ranked, suppressed };
}

function compareLabels(a: { label: string; key: string }, b: { label: string; key: string }): number {
  return a.label.localeCompare(b.label, 'vi') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

import { round2, round2Interval } from './round';
import { isSuppressed } from './suppression';
import type { Interval } from './types';
import { wilsonInterval } from './wilson';

/** Counts of one group (the scope, a unit, a desk): `choice: null` is the number who answered. */
export type ChoiceCount = { key: string; choice: string | null; count: number };

export type ChoiceShare = { choice: string; count: number; share: number | null; ci95: Interval | null };

export type ChoiceGroup = { key: string; respondents: number; suppressed: boolean; choices: ChoiceShare[] };

/**
 * The share of respondents who picked each choice of a multiple-choice question ("Điều gì chưa
 * tốt?"), with a Wilson interval: a respondent may pick several, so the shares do not sum to 100.
 * Groups under `minResponses` respondents keep their counts but show no share. Choices come in the
 * survey's order; groups by respondents, most first.
 */
export function choiceShares(
  rows: readonly ChoiceCount[],
  choices: readonly string[],
  minResponses: number,
): ChoiceGroup[] {
  const groups = new Map<string, { respondents: number; counts: Map<string, number> }>();
  for (const r of rows) {
    const g = groups.get(r.key) ?? { respondents: 0, counts: new Map<string, number>() };
    groups.set(r.key, g);
    if (r.choice === null) g.respondents += r.count;
    else g.counts.set(r.choice, (g.counts.get(r.choice) ?? 0) + r.count);
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const suppressed = isSuppressed(g.respondents, minResponses);
      return {
        key,
        respondents: g.respondents,
        suppressed,
        choices: choices.map((choice) => {
          const count = g.counts.get(choice) ?? 0;
          const ci = suppressed ? null : wilsonInterval(count, g.respondents);
          return {
            choice,
            count,
            share: suppressed ? null : round2((100 * count) / g.respondents),
            ci95: ci && round2Interval(ci),
          };
        }),
      };
    })
    .sort((a, b) => b.respondents - a.respondents || a.key.localeCompare(b.key));
}

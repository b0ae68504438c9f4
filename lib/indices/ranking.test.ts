import { expect, test } from 'vitest';
import { rankByIndex, type RankingRow } from './ranking';

const row = (key: string, satisfied: number, n: number, label = `Desk ${key}`): RankingRow => ({ key, label, n, satisfied });

test('sorts by index, then n, then label; equal indices share a rank; thin rows are set apart', () => {
  // minResponses 30. A 90/100 = 90 %, B 45/50 = 90 % (tie with A, smaller n → after A, same rank),
  // C 80/100 = 80 % → rank 3 (competition ranking 1, 1, 3). D 2/3 and E 9/10 are suppressed,
  // listed most answers first.
  const result = rankByIndex({
    rows: [row('D', 2, 3), row('C', 80, 100), row('B', 45, 50), row('E', 9, 10), row('A', 90, 100)],
    minResponses: 30,
  });
  expect(result.ranked).toStrictEqual([
    { key: 'A', label: 'Desk A', n: 100, satisfied: 90, rank: 1, index: 90, ci95: [82.56, 94.48] },
    { key: 'B', label: 'Desk B', n: 50, satisfied: 45, rank: 1, index: 90, ci95: [78.64, 95.65] },
    { key: 'C', label: 'Desk C', n: 100, satisfied: 80, rank: 3, index: 80, ci95: [71.12, 86.66] },
  ]);
  expect(result.suppressed.map((r) => r.key)).toEqual(['E', 'D']);
});

test('compares indices exactly: 2/3 and 4/6 tie, and then the larger sample goes first', () => {
  const result = rankByIndex({ rows: [row('x', 2, 3), row('y', 4, 6)], minResponses: 1 });
  expect(result.ranked.map((r) => [r.key, r.rank, r.index])).toEqual([
    ['y', 1, 66.67],
    ['x', 1, 66.67],
  ]);
});

test('breaks full ties by Vietnamese alphabetical order of the label', () => {
  // Code points would put "Bộ phận" (B) before "Ánh Dương" (Á = U+00C1); Vietnamese order puts Á first.
  const result = rankByIndex({
    rows: [row('b', 9, 10, 'Bộ phận một cửa'), row('a', 9, 10, 'Ánh Dương')],
    minResponses: 1,
  });
  expect(result.ranked.map((r) => r.label)).toEqual(['Ánh Dương', 'Bộ phận một cửa']);
});

test.each([
  { n: 29, ranked: 0 },
  { n: 30, ranked: 1 },
])('n = $n of minResponses 30 → $ranked ranked', ({ n, ranked }) => {
  const result = rankByIndex({ rows: [row('a', n, n)], minResponses: 30 });
  expect(result.ranked).toHaveLength(ranked);
  expect(result.suppressed).toHaveLength(1 - ranked);
});

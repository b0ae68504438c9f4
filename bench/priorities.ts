// The improvement priorities' computation at its cap (2,000 respondents × 22 SIPAS criteria):
// the whole computePriorities, and its two inner steps, the correlation pass of one resample and
// one 22 × 22 eigen-decomposition; then how much the bootstrap interval moves with fewer resamples.
import { seededRandom } from '@/lib/demo/random';
import { compactRows, computePriorities, type RespondentRow } from '@/lib/indices/priorities';
import { centredRows, correlations, relativeWeights } from '@/lib/indices/relative-weights';

const P = 22;

function respondents(n: number, seed: number): RespondentRow[] {
  const random = seededRandom(seed);
  const clamp = (v: number) => Math.max(1, Math.min(5, Math.round(v)));
  return Array.from({ length: n }, () => {
    const mood = random() * 2 - 1;
    const values = Array.from({ length: P }, (_, j) =>
      random() < 0.05 ? null : clamp(4 + 0.8 * mood + (j < 6 ? 0.8 : 0.3) * (random() * 2 - 1)),
    );
    const staff = (values[8] ?? 4) + (values[9] ?? 4);
    return { outcome: clamp(0.3 + 0.4 * staff + 0.6 * mood + (random() - 0.5)), values };
  });
}

const criteria = Array.from({ length: P }, (_, j) => ({
  question: `q${j}`,
  title: `q${j}`,
  dimension: `d${j % 5}`,
  index: 70 + j,
}));

function median(f: () => number, rounds = 5): number {
  return Array.from({ length: rounds }, f).sort((a, b) => a - b)[rounds >> 1]!;
}

/** Milliseconds per call, over `runs` calls after a warm-up. */
function time(f: () => unknown, runs = 1): number {
  f();
  const start = performance.now();
  for (let i = 0; i < runs; i++) f();
  return (performance.now() - start) / runs;
}

export async function benchPriorities(): Promise<void> {
  console.log('\n== Priorities: 2,000 respondents × 22 criteria (median of 5) ==');
  const rows = respondents(2000, 2026);
  const xs = Array.from({ length: P }, (_, j) => Float64Array.from(rows, (r) => r.values[j] ?? 4));
  const centred = centredRows(
    xs,
    Float64Array.from(rows, (r) => r.outcome),
  );
  const { rxx, rxy } = correlations(centred);
  const { rows: compact, counts } = compactRows(
    xs,
    Float64Array.from(rows, (r) => r.outcome),
  );
  const compactPass = median(() => time(() => correlations(compact, counts), 20));
  console.log(
    `${rows.length} respondents, ${compact.n} distinct answer patterns: a pass over the patterns ${compactPass.toFixed(2)} ms`,
  );
  const pass = median(() => time(() => correlations(centred), 20));
  const eigen = median(() => time(() => relativeWeights(rxx, rxy), 50));
  console.log(`correlation pass ${pass.toFixed(2)} ms · relative weights (eigen) ${eigen.toFixed(2)} ms`);
  for (const resamples of [200, 100, 50]) {
    const ms = median(() =>
      time(() =>
        computePriorities({ criteria, respondents: rows, minResponses: 30, bootstrap: { resamples, seed: 2026 } }),
      ),
    );
    console.log(`computePriorities, ${resamples} resamples: ${ms.toFixed(0)} ms`);
  }
  // How far the interval's ends move between seeds, against the interval's own width.
  for (const resamples of [200, 100, 50]) {
    const ends = [1, 2, 3, 4, 5].map(
      (seed) =>
        computePriorities({ criteria, respondents: rows, minResponses: 30, bootstrap: { resamples, seed } }).criteria,
    );
    let spread = 0;
    let width = 0;
    for (let j = 0; j < P; j++) {
      const lows = ends.map((c) => c[j]!.importanceCi95![0]);
      const highs = ends.map((c) => c[j]!.importanceCi95![1]);
      spread += Math.max(...lows) - Math.min(...lows) + Math.max(...highs) - Math.min(...highs);
      width += highs.reduce((s, h, i) => s + h - lows[i]!, 0) / 5;
    }
    console.log(
      `${resamples} resamples: interval width ${(width / P).toFixed(2)} points, its ends move ${(spread / (2 * P)).toFixed(2)} points between seeds`,
    );
  }
}
